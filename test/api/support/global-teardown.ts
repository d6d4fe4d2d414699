import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { DOCUMENT_THREAD_ENV } from './bundle-thread';
import { SNAPSHOT_ENV } from './embedded-snapshot';
import { copiesOf, dropDatabase, serverTestUrl } from './server-databases';

export default async function globalTeardown(): Promise<void> {
  const snapshot = process.env[SNAPSHOT_ENV];
  if (snapshot) rmSync(dirname(snapshot), { recursive: true, force: true });
  const thread = process.env[DOCUMENT_THREAD_ENV];
  if (thread) rmSync(thread, { force: true });
  const url = serverTestUrl();
  if (!url) return;
  for (const name of await copiesOf(url)) await dropDatabase(url, name);
}
