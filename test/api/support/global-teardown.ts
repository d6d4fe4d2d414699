import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { SNAPSHOT_ENV } from './embedded-snapshot';
import { copiesOf, dropDatabase, serverTestUrl } from './server-databases';

export default async function globalTeardown(): Promise<void> {
  const snapshot = process.env[SNAPSHOT_ENV];
  if (snapshot) rmSync(dirname(snapshot), { recursive: true, force: true });
  const url = serverTestUrl();
  if (!url) return;
  for (const name of await copiesOf(url)) await dropDatabase(url, name);
}
