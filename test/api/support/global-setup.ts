import { register } from 'tsconfig-paths';
import { join } from 'node:path';
import { serverTestUrl } from './server-databases';

export default async function globalSetup(): Promise<void> {
  const url = serverTestUrl();
  if (!url) return;
  // Global setup runs outside Jest's module mapping, so teach Node the workspace's path aliases.
  const root = join(__dirname, '..', '..', '..');
  register({
    baseUrl: root,
    paths: {
      '@heard/domain': ['libs/domain/src/index.ts'],
      '@heard/migrations': ['migrations/index.ts'],
      '@heard/api/*': ['apps/api/src/*'],
    },
  });
  const { openDatabase } = await import('@heard/api/platform/database/database');
  const db = await openDatabase({ databaseUrl: url, pgliteDir: undefined });
  await db.destroy();
}
