import { resolve } from 'node:path';
import { loadDemoDataIfEmpty } from './app/demo/demo-data';
import { createHeardApp } from './app/create-app';
import { ConfigError, loadConfig } from './platform/config/config';
import {
  DatabaseUnavailableError,
  embeddedDataDir,
  openDatabase,
  redactUrl,
} from './platform/database/database';
import { createLogger, flushLogLines } from './platform/logging/logger';

async function main(): Promise<void> {
  let config;
  try {
    // The built web app sits beside the built API (dist/apps/web/browser), the document thread in it.
    config = loadConfig(
      process.env,
      resolve(__dirname, '..', 'web', 'browser'),
      resolve(__dirname, 'document-thread.js'),
    );
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee .env.example for every setting.\n`);
      process.exit(78);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const where = config.databaseUrl ? redactUrl(config.databaseUrl) : embeddedDataDir(config.dataDir);
  let db;
  try {
    db = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: embeddedDataDir(config.dataDir) });
  } catch (error) {
    const message =
      error instanceof DatabaseUnavailableError
        ? error.message
        : `Heard could not prepare the database at ${where}: ${(error as Error).message}`;
    logger.fatal({ msg: message });
    process.stderr.write(`${message}\n`);
    process.exit(1);
  }
  if (config.demoData && (await loadDemoDataIfEmpty(db))) {
    logger.info({ msg: 'Loaded the fictional demo council (see README for sign-in details).' });
  }
  const app = await createHeardApp(config, db, logger);
  await app.listen(config.port);
  await new Promise<void>((done) => process.nextTick(done));
  logger.info({
    msg: `Heard is running at ${config.publicUrl}`,
    database: config.databaseUrl ? 'postgresql' : 'embedded',
  });
  // The banner is written straight out; the log lines before it are batched, so they go first.
  flushLogLines(logger);
  process.stdout.write(`\nHeard is ready: ${config.publicUrl}\n\n`);

  const shutdown = async (signal: string) => {
    logger.info({ msg: `Received ${signal}; finishing requests and closing.` });
    await app.close();
    await db.destroy();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

void main();
