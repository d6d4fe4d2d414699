import type { NextFunction, Request, Response } from 'express';
import { problem, sendProblem } from '../errors/problem';

/**
 * Names that only ever reach us from someone probing: `__proto__`, `constructor`, `prototype` and
 * everything else Object.prototype has (`toString`, `valueOf`, `hasOwnProperty`…). As keys they can
 * reach an object's prototype in code that copies input, and before this guard they made Nest and
 * zod throw (500) instead of answering. No schema of Heard's uses any of them.
 */
const RESERVED_NAMES: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  'prototype',
]);

/** Deeper than any request Heard takes; past it the body is refused rather than walked for ever. */
const MAX_DEPTH = 32;

const NUL = '\u0000';

type Finding = { field: string; message: string };

const RESERVED_MESSAGE = 'This field name is not allowed.';
const NUL_MESSAGE = 'This field contains a NUL character (\\u0000), which text may not contain.';

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** Every reserved key and every text with a NUL in a parsed JSON body, by dotted path. */
function inspect(value: unknown, path: string, depth: number, found: Finding[]): void {
  if (typeof value === 'string') {
    if (value.includes(NUL)) found.push({ field: path || '_', message: NUL_MESSAGE });
    return;
  }
  if (value === null || typeof value !== 'object') return;
  if (depth > MAX_DEPTH) {
    found.push({ field: path || '_', message: 'This value is nested too deeply.' });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => inspect(item, join(path, String(i)), depth + 1, found));
    return;
  }
  // Own keys only, including a `__proto__` that JSON.parse made an own property.
  for (const key of Object.keys(value)) {
    const field = join(path, key);
    if (RESERVED_NAMES.has(key)) found.push({ field, message: RESERVED_MESSAGE });
    else if (key.includes(NUL)) found.push({ field: field.replaceAll(NUL, '\\u0000'), message: NUL_MESSAGE });
    else inspect((value as Record<string, unknown>)[key], field, depth + 1, found);
  }
}

/**
 * The query as sent, before qs parses it: qs silently drops keys named after Object.prototype's
 * properties, so they must be looked for in the raw text. `a[b]` and `a.b` are split into parts.
 */
function inspectQuery(rawQuery: string, found: Finding[]): void {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(rawQuery);
  } catch {
    return;
  }
  for (const [key, value] of params) {
    const parts = key.split(/[[\].]+/).filter(Boolean);
    if (parts.some((p) => RESERVED_NAMES.has(p))) found.push({ field: key, message: RESERVED_MESSAGE });
    else if (key.includes(NUL) || value.includes(NUL))
      found.push({ field: key.replaceAll(NUL, '\\u0000') || '_', message: NUL_MESSAGE });
  }
}

function decodedPath(rawPath: string): string {
  try {
    return decodeURIComponent(rawPath);
  } catch {
    // A malformed escape is not ours to judge here; the router answers it.
    return rawPath;
  }
}

/**
 * One guard for every API request, after the JSON body is parsed and before any route: reserved
 * field names and NUL characters (which PostgreSQL refuses in text, so they used to surface as 500)
 * are answered 400 problem+json naming the field, and the request goes no further, so nothing is
 * written.
 */
export function inputGuard() {
  return (req: Request, res: Response, next: NextFunction): void => {
    const [rawPath, ...rest] = req.originalUrl.split('?');
    const found: Finding[] = [];
    if (decodedPath(rawPath).includes(NUL)) found.push({ field: 'path', message: NUL_MESSAGE });
    if (rest.length > 0) inspectQuery(rest.join('?'), found);
    inspect(req.body, '', 0, found);
    if (found.length === 0) {
      next();
      return;
    }
    // A Map, not `errors[field] ??= []`: with field `constructor` that finds Object's own.
    const byField = new Map<string, string[]>();
    for (const { field, message } of found) byField.set(field, [...(byField.get(field) ?? []), message]);
    // fromEntries defines own properties, so even `__proto__` becomes an ordinary key.
    const errors: Record<string, string[]> = Object.fromEntries(byField);
    const fields = [...byField.keys()];
    sendProblem(
      res,
      problem(
        400,
        `Please check ${fields.length === 1 ? 'this field' : 'these fields'}: ${fields.join(', ')}.`,
        { code: 'validation', errors, instance: rawPath },
      ),
    );
  };
}
