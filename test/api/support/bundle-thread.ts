import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

/** Where the tests' built threads go: inside the repository, so their packages resolve from node_modules. */
export const TEST_THREADS_DIR = join(root, 'tmp', 'test-threads');

/** The environment variable the test apps' config reads: the document thread built for this run. */
export const DOCUMENT_THREAD_ENV = 'DOCUMENT_THREAD';

/**
 * A worker thread's entry built as webpack builds it for production (ADR 0038): one CommonJS file
 * with the workspace's code in it and its packages left to node_modules. Jest's transform reaches
 * only the test's own thread, so a worker thread needs its code built.
 */
export async function bundleThread(entry: string, name: string): Promise<string> {
  // Loaded here, not at the top: every test file reads this module's names, few build a thread.
  const { build } = await import('esbuild');
  mkdirSync(TEST_THREADS_DIR, { recursive: true });
  const outfile = join(TEST_THREADS_DIR, `${name}-${process.pid}.js`);
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    tsconfig: join(root, 'apps', 'api', 'tsconfig.app.json'),
    logLevel: 'error',
  });
  return outfile;
}

/** The document thread of the API, for every test app of the run. */
export const bundleDocumentThread = () =>
  bundleThread(join(root, 'apps', 'api', 'src', 'document-thread.ts'), 'document-thread');
