import type { Request, Response } from 'express';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { revalidated } from './revalidate';
import { chooseEncoding } from './web-files';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Under this, a compressed copy saves less than its own headers cost: sent as it is. */
export const COMPRESS_FROM_BYTES = 1024;

/**
 * A published page (the public board, the published voice plan) as it is kept between requests:
 * its JSON made once, with a brotli and a gzip copy made once beside it, so a young person's phone
 * fetches a 45 kB plan as a few kB and a request costs choosing a copy, never compressing one.
 */
export interface PublishedJson {
  /** The page's tag, quoted; each compressed copy is sent under its own (RFC 9110 8.8.3: a strong tag names one set of bytes). */
  tag: string;
  identity: Buffer;
  br: Buffer | null;
  gzip: Buffer | null;
}

/**
 * Makes the kept form of a published page. The copies are compressed off the event loop (zlib's
 * threads): a page is made again when something is published, while other requests wait on none.
 * `tagOf` may work the tag out from the JSON's bytes, for a page whose tag is a hash of itself.
 */
export async function publishedJson(
  tagOf: string | ((identity: Buffer) => string),
  body: unknown,
): Promise<PublishedJson> {
  const identity = Buffer.from(JSON.stringify(body));
  const tag = typeof tagOf === 'string' ? tagOf : tagOf(identity);
  if (identity.length < COMPRESS_FROM_BYTES) return { tag, identity, br: null, gzip: null };
  const [br, gz] = await Promise.all([
    brotli(identity, {
      params: {
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
      },
    }),
    gzipped(identity, { level: 9 }),
  ]);
  return { tag, identity, br, gzip: gz };
}

/** The tag of one copy: the page's own for the JSON as it is, with the encoding added for a compressed one. */
export const publishedTag = (page: PublishedJson, encoding: 'br' | 'gzip' | null): string =>
  encoding ? `${page.tag.replace(/"$/, '')}.${encoding}"` : page.tag;

/**
 * Sends a kept page in the encoding the client takes (brotli, then gzip, else as it is), under that
 * copy's tag; a 304 with no body when the client already has that copy. Every cache may keep it and
 * must ask again (`revalidated`), and must keep one copy per Accept-Encoding.
 */
export function sendPublishedJson(req: Request, res: Response, page: PublishedJson): void {
  const available = new Set<'br' | 'gzip'>();
  if (page.br) available.add('br');
  if (page.gzip) available.add('gzip');
  const encoding = chooseEncoding(req.headers['accept-encoding'], available);
  res.vary('Accept-Encoding');
  if (revalidated(res, publishedTag(page, encoding), req.headers['if-none-match'])) {
    res.end();
    return;
  }
  res.type('application/json');
  if (encoding) res.setHeader('Content-Encoding', encoding);
  res.send(encoding ? page[encoding] : page.identity);
}
