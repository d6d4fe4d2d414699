import { cacheControlFor, chooseEncoding } from './web-files';

describe('chooseEncoding', () => {
  const both = new Set(['br', 'gzip'] as const);
  const gzipOnly = new Set(['gzip'] as const);

  it.each([
    ['gzip, deflate, br, zstd', both, 'br'],
    ['gzip, deflate', both, 'gzip'],
    ['br', gzipOnly, null],
    ['gzip;q=0.5, br;q=0', both, 'gzip'],
    ['br;q=0, gzip;q=0', both, null],
    ['*', both, 'br'],
    ['identity', both, null],
    ['', both, null],
    [undefined, both, null],
    ['GZIP', gzipOnly, 'gzip'],
  ] as const)('Accept-Encoding %j with %j gives %s', (accept, available, expected) => {
    expect(chooseEncoding(accept, available)).toBe(expected);
  });
});

describe('cacheControlFor', () => {
  it.each([
    ['/main-ABCD1234.js', 'public, max-age=31536000, immutable'],
    ['/styles-Z9Y8X7W6.css', 'public, max-age=31536000, immutable'],
    ['/index.html', 'no-cache'],
    ['/favicon.ico', 'no-cache'],
    ['/main.js', 'no-cache'],
  ])('%s is %s', (path, expected) => {
    expect(cacheControlFor(path)).toBe(expected);
  });
});
