import type { Response } from 'express';

/**
 * Published material (the public board, the published voice plan): every cache may keep it and
 * must ask again, with its tag. Sets the headers; true when the client already has this tag, and
 * the answer is then a 304 with no body.
 */
export function revalidated(res: Response, tag: string, seen: string | undefined): boolean {
  res.setHeader('Cache-Control', 'public, no-cache');
  res.setHeader('ETag', tag);
  const has = seen?.split(',').some((t) => t.trim() === tag || t.trim() === `W/${tag}`) ?? false;
  if (has) res.status(304);
  return has;
}
