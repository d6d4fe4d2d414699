import { copiesOf, dropDatabase, serverTestUrl } from './server-databases';

export default async function globalTeardown(): Promise<void> {
  const url = serverTestUrl();
  if (!url) return;
  for (const name of await copiesOf(url)) await dropDatabase(url, name);
}
