import { CookieAccessInfo, CookieJar } from 'cookiejar';
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { closedPort } from './smtp-sink';
import { SignedInClient, csrfOf } from './test-app';

const ROOT = join(__dirname, '..', '..', '..');

/**
 * How long the real entry point may take to say it is ready. SWC compiles the app as it loads:
 * seconds idle, many times that on a loaded machine, so the limit is generous.
 */
export const API_START_MS = 180_000;

export interface ApiProcess {
  /** http://127.0.0.1:port */
  url: string;
  /** Everything it wrote to stdout and stderr so far. */
  output: () => string;
  /** Resolves when the process has gone, however it went. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** kill -9: no shutdown hooks, no goodbye to the database. */
  kill: () => void;
  /** A clean stop (SIGTERM), waited for. */
  stop: () => Promise<void>;
}

/**
 * Spawns a real entry point (main.ts by default) with SWC compiling it as it loads, in a quarter of
 * ts-node's CPU time. `env` is the whole of its settings besides PATH: nothing leaks in from the
 * test runner.
 */
export function spawnEntry(
  env: Record<string, string>,
  entry = 'apps/api/src/main.ts',
  args: string[] = [],
): ChildProcess {
  return spawn(
    process.execPath,
    ['-r', '@swc-node/register', '-r', 'tsconfig-paths/register', entry, ...args],
    {
      cwd: ROOT,
      env: {
        PATH: process.env['PATH'] ?? '',
        // SWC and tsconfig-paths read the compiler options and path aliases from here.
        SWC_NODE_PROJECT: 'test/tsconfig.json',
        TS_NODE_PROJECT: 'test/tsconfig.json',
        LOG_LEVEL: 'silent',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

/**
 * Starts apps/api/src/main.ts as its own process, as `npm start` would, and waits until it says
 * it is ready. `env` is the whole of its settings besides PATH and PORT: nothing leaks in from the
 * test runner.
 */
export async function startApi(env: Record<string, string>): Promise<ApiProcess> {
  const port = await closedPort();
  const child = spawnEntry({ NODE_ENV: 'test', ...env, PORT: String(port) });
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The API was not ready within ${API_START_MS} ms:\n${output}`));
    }, API_START_MS);
    const listen = (c: Buffer): void => {
      output += c.toString();
      // main.ts prints this after app.listen, whatever LOG_LEVEL says.
      if (output.includes('Heard is ready')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', listen);
    child.stderr?.on('data', listen);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`The API exited (${code ?? signal}) before it was ready:\n${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    exited,
    kill: () => child.kill('SIGKILL'),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A signed-in browser's cookies and CSRF token, to send to a process of its own. */
export interface ApiSession {
  cookie: string;
  csrf: string;
}

/**
 * The session of someone signed in to a test app, for use against a started process on the same
 * database: sessions live in the database, so the process takes them as its own.
 */
export function sessionOf(client: SignedInClient): ApiSession {
  const jar = (client.agent as unknown as { jar: CookieJar }).jar;
  const cookie = jar
    .getCookies(CookieAccessInfo.All)
    .map((c) => `${c.name}=${c.value}`)
    .join('; ');
  return { cookie, csrf: csrfOf(client.agent) ?? client.session.csrfToken };
}

/** One request to a started process, as that browser. Rejects only if no answer comes (the process died). */
export async function call(
  api: ApiProcess,
  session: ApiSession,
  method: 'GET' | 'POST',
  path: string,
  body?: object,
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const res = await fetch(`${api.url}${path}`, {
    method,
    headers: {
      cookie: session.cookie,
      'x-xsrf-token': session.csrf,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null, headers: res.headers };
}
