import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ANSWER_PAGE_PREFIXES } from './answer-page-prefixes';

describe("the web app's service worker and the pages the API renders", () => {
  it('answers no navigation under /api or an answer page with the app shell (ngsw-config.json)', () => {
    const file = join(__dirname, '..', '..', '..', '..', 'web', 'ngsw-config.json');
    const config = JSON.parse(readFileSync(file, 'utf8')) as { navigationUrls: string[] };
    for (const prefix of ['/api', ...ANSWER_PAGE_PREFIXES]) {
      expect(config.navigationUrls).toContain(`!${prefix}/**`);
      if (prefix !== '/api') expect(config.navigationUrls).toContain(`!${prefix}`);
    }
  });
});
