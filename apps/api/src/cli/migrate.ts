import { ConfigError, loadConfig } from '../platform/config/config';
import { embeddedDataDir, openDatabase } from '../platform/database/database';

/** `npm run migrate`: applies pending migrations to DATABASE_URL, or to the embedded database. */
async function migrate(): Promise<void> {
  const config = loadConfig(process.env);
  const db = await openDatabase(
    { databaseUrl: config.databaseUrl, pgliteDir: embeddedDataDir(config.dataDir) },
    { runMigrations: false },
  );
  const applied = await db.runMigrations({ transaction: 'each' });
  process.stdout.write(
    applied.length
      ? `Applied ${applied.length} migration(s):\n${applied.map((m) => `  ${m.name}`).join('\n')}\n`
      : 'The database is up to date.\n',
  );
  await db.destroy();
}

migrate().catch((error: Error) => {
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : `Migration failed: ${error.message}`}\n`,
  );
  process.exit(1);
});
