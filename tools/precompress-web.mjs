// Writes a brotli (.br) and a gzip (.gz) copy beside each text file of the built web app, once at
// build time, so the API serves compressed files without compressing on every request
// (apps/api/src/platform/http/web-files.ts). Usage: node tools/precompress-web.mjs [dir]
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|webmanifest|map|xml|ico)$/;
// Below this a compressed copy saves less than the extra header costs.
const MIN_BYTES = 1024;

function* filesUnder(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (entry.isFile()) yield path;
  }
}

const dir = process.argv[2] ?? 'dist/apps/web/browser';
let count = 0;
let before = 0;
let afterBr = 0;
for (const path of filesUnder(dir)) {
  if (!COMPRESSIBLE.test(path) || statSync(path).size < MIN_BYTES) continue;
  const body = readFileSync(path);
  const br = brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
  writeFileSync(`${path}.br`, br);
  writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
  count++;
  before += body.length;
  afterBr += br.length;
}
console.log(
  `precompress-web: ${count} files in ${dir}, ${Math.round(before / 1024)} kB → ${Math.round(afterBr / 1024)} kB with brotli`,
);
