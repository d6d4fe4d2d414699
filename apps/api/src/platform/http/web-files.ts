import { INestApplication } from '@nestjs/common';
import express, { NextFunction, Request, Response } from 'express';
import { readdirSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';

/** Hashed bundles can be cached for ever; everything else (index.html above all) must be checked. */
export function cacheControlFor(path: string): string {
  return /-[0-9A-Z]{8}\.(js|css)$/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

type Encoding = 'br' | 'gzip';
const SUFFIX: Readonly<Record<Encoding, string>> = { br: '.br', gzip: '.gz' };

/**
 * The encoding to send, from the request's Accept-Encoding and what was precompressed: brotli
 * first (smaller), then gzip; none for a client that asks for neither or refuses both with q=0.
 */
export function chooseEncoding(
  acceptEncoding: string | undefined,
  available: ReadonlySet<Encoding>,
): Encoding | null {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  const wants = (e: Encoding) => (accepted.get(e) ?? accepted.get('*') ?? 0) > 0;
  return (['br', 'gzip'] as const).find((e) => available.has(e) && wants(e)) ?? null;
}

function* filesUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (entry.isFile()) yield path;
  }
}

/** Each file's URL path, with the encodings precompressed beside it (tools/precompress-web.mjs). */
function precompressed(webDir: string): Map<string, Set<Encoding>> {
  const found = new Map<string, Set<Encoding>>();
  for (const path of filesUnder(webDir)) {
    const encoding = path.endsWith('.br') ? 'br' : path.endsWith('.gz') ? 'gzip' : null;
    if (!encoding) continue;
    const original = '/' + relative(webDir, path.slice(0, -SUFFIX[encoding].length)).split(sep).join('/');
    const encodings = found.get(original) ?? new Set<Encoding>();
    encodings.add(encoding);
    found.set(original, encodings);
  }
  return found;
}

/**
 * Serves the built web app: a precompressed copy when the browser takes one (read once at start,
 * so a request costs a map lookup, not a compression), the file itself otherwise, and index.html
 * for any other path so the app's own routes load. Never under /api, nor under `serverPages`: the
 * pages the API renders itself (the young person's answer page), whose routes come after these.
 */
export function serveWebApp(
  app: INestApplication,
  webDir: string,
  serverPages: readonly string[] = [],
): void {
  const rendered = (path: string) => serverPages.some((p) => path === p || path.startsWith(`${p}/`));
  const compressed = precompressed(webDir);

  const sendCompressed = (res: Response, path: string, accept: string | undefined): boolean => {
    const encodings = compressed.get(path);
    const encoding = encodings ? chooseEncoding(accept, encodings) : null;
    res.setHeader('Vary', 'Accept-Encoding');
    res.setHeader('Cache-Control', cacheControlFor(path));
    if (!encoding) return false;
    res.setHeader('Content-Encoding', encoding);
    res.type(extname(path));
    res.sendFile(join(webDir, path + SUFFIX[encoding]));
    return true;
  };

  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path.startsWith('/api')) return next();
    if (compressed.has(req.path) && sendCompressed(res, req.path, req.headers['accept-encoding'])) return;
    next();
  });
  app.use(
    express.static(webDir, {
      index: false,
      setHeaders(res, path) {
        res.setHeader('Cache-Control', cacheControlFor(path));
      },
    }),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path.startsWith('/api') || rendered(req.path))
      return next();
    if (sendCompressed(res, '/index.html', req.headers['accept-encoding'])) return;
    res.sendFile(join(webDir, 'index.html'));
  });
}
