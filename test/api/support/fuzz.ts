import fc from 'fast-check';
import { z } from 'zod';

/**
 * Arbitraries for the route fuzzer (test/api/fuzz.integration-spec.ts): valid-ish values read off
 * the zod contracts in libs/domain, the same values with one field swapped for something hostile,
 * and wholly random JSON, always mixed with the inputs that have broken web apps before.
 */

/** Marks a number literal to be written into the JSON text as is (`1e999`, 30 digits). */
export class RawNumber {
  constructor(readonly literal: string) {}
}

/** An object whose keys may be `__proto__` and friends: a JS object literal could not hold them. */
export class Pairs {
  constructor(readonly entries: readonly (readonly [string, unknown])[]) {}
}

/**
 * A uuid field that becomes a real record's id when the request is sent (records made earlier in
 * the run count), or a random uuid when there are none: random ids alone stop at the first 404.
 */
export class IdRef {
  constructor(
    readonly pick: number,
    readonly fallback: string,
  ) {}

  resolve(ids: readonly string[]): string {
    return ids.length > 0 ? ids[this.pick % ids.length] : this.fallback;
  }
}

export const RESERVED_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
];

/** Strings that have broken parsers, databases and renderers. */
export const NAUGHTY_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\udc00\ud800',
  '\u202eevil\u202c',
  '\u200f\u200e\u2066\u2069',
  '\ufeff',
  '\u0085\u2028\u2029',
  'null',
  'undefined',
  'NaN',
  '-Infinity',
  '0x1F',
  '1e999',
  '-0',
  'true',
  "'; DROP TABLE users; --",
  "' OR '1'='1",
  '%00',
  '%s%s%n',
  '${7*7}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '\\',
  '"',
  'Zalgo: Ṱ̺̺̕o͞ ̷i̲̬͇̪͙n̝̗͕v̟̜̘̦͟o̶̙̰̠kè͚̮̺̪̹̱̤',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  'ﷺ',
  '𝕿𝖍𝖊',
  '0000-00-00',
  '2025-02-30',
  '2025-13-01',
  '2024-02-29',
  '2023-02-29',
  '9999-12-31',
  '0001-01-01',
  '275760-09-13',
  '-000001-01-01',
  '2025-01-01T25:61:61Z',
  '24:00',
  '23:60',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'not-a-uuid',
  'a'.repeat(300),
  'é'.repeat(5000),
  '__proto__',
  'constructor',
];

/** Numbers past what the columns (int4, money in pence) and JavaScript can hold. */
export const NAUGHTY_NUMBERS: readonly unknown[] = [
  0,
  -1,
  -0,
  0.5,
  1.5e-323,
  2147483647,
  2147483648,
  -2147483649,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  new RawNumber('1e999'),
  new RawNumber('-1e999'),
  new RawNumber('123456789012345678901234567890'),
  new RawNumber('1e-400'),
];

const naughtyScalar: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...NAUGHTY_STRINGS) },
  { weight: 3, arbitrary: fc.constantFrom(...NAUGHTY_NUMBERS) },
  { weight: 1, arbitrary: fc.constantFrom(true, false, null) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>([], {}, [null], [[[[[]]]]], { a: { b: { c: {} } } }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);

/** A hostile value: naughty strings and numbers, a reserved-key object, or random JSON. */
export const naughtyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: naughtyScalar },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...RESERVED_KEYS), naughtyScalar)
      .map(([k, v]) => new Pairs([[k, v]])),
  },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  values?: unknown[];
  entries?: Record<string, string | number>;
  in?: z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
  items?: z.ZodType[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  getter?: () => z.ZodType;
  format?: string;
  checks?: {
    _zod: {
      def: {
        check: string;
        format?: string;
        pattern?: RegExp;
        value?: unknown;
        minimum?: number;
        maximum?: number;
        inclusive?: boolean;
      };
    };
  }[];
};

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

const checksOf = (def: Def) => (def.checks ?? []).map((c) => c._zod.def);

function stringArbitrary(def: Def): fc.Arbitrary<string> {
  const checks = checksOf(def);
  const format = def.format ?? checks.find((c) => c.check === 'string_format')?.format;
  switch (format) {
    case 'date':
      return fc
        .date({ min: new Date('1990-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case 'datetime':
      return fc
        .date({ min: new Date('1990-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString());
    case 'time':
      return fc
        .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
        .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    case 'uuid':
    case 'guid':
      return fc.uuid();
    case 'email':
      return fc.emailAddress();
    case 'url':
      return fc.webUrl();
    case 'regex': {
      const pattern = checks.find((c) => c.format === 'regex')?.pattern;
      if (pattern) return fc.stringMatching(pattern);
    }
  }
  const min = checks.find((c) => c.check === 'min_length')?.minimum ?? 0;
  const max = checks.find((c) => c.check === 'max_length')?.maximum ?? min + 40;
  return fc.string({ minLength: min, maxLength: Math.min(max, min + 60) });
}

function numberArbitrary(def: Def): fc.Arbitrary<number> {
  const checks = checksOf(def);
  const int = checks.some((c) => c.format === 'safeint' || c.format === 'int32');
  const low = checks.find((c) => c.check === 'greater_than')?.value;
  const high = checks.find((c) => c.check === 'less_than')?.value;
  const min = typeof low === 'number' ? low : -1000;
  const max = typeof high === 'number' ? high : Math.max(min, 0) + 1000;
  return int
    ? fc.integer({ min: Math.ceil(min), max: Math.floor(Math.max(min, max)) })
    : fc.double({ min, max: Math.max(min, max), noNaN: true, noDefaultInfinity: true });
}

/** A value shaped by the schema; refinements across fields are not attempted (valid-ish). */
export function fromZod(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  if (depth > 6) return fc.constant(null);
  // A schema part missing from the definition (not seen in Heard's contracts) stands as null.
  const next = (s: z.ZodType | undefined) => (s ? fromZod(s, depth + 1) : fc.constant(null));
  switch (def.type) {
    case 'string': {
      const format = def.format ?? checksOf(def).find((c) => c.check === 'string_format')?.format;
      if (format === 'uuid' || format === 'guid')
        return fc.oneof(
          fc.uuid(),
          fc.tuple(fc.nat(), fc.uuid()).map(([pick, fallback]) => new IdRef(pick, fallback)),
        );
      return stringArbitrary(def);
    }
    case 'number':
      return numberArbitrary(def);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'undefined':
    case 'void':
      return fc.constant(undefined);
    case 'literal':
      return fc.constantFrom(...(def.values ?? [null]));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? { x: 'x' }));
    case 'optional':
      return fc.option(next(def.innerType), { nil: undefined, freq: 4 });
    case 'nullable':
      return fc.option(next(def.innerType), { nil: null, freq: 4 });
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return next(def.innerType);
    case 'pipe':
      return next(def.in);
    case 'lazy':
      return next(def.getter?.());
    case 'array':
      return fc.array(next(def.element), { maxLength: 4 });
    case 'tuple':
      return fc.tuple(...(def.items ?? []).map(next));
    case 'union':
      return fc.oneof(...(def.options ?? []).map(next));
    case 'intersection':
      return fc
        .tuple(next(def.left), next(def.right))
        .map(([a, b]) => (isPlainObject(a) && isPlainObject(b) ? { ...a, ...b } : a));
    case 'record':
      return fc.dictionary(
        (def.keyType ? stringArbitrary(defOf(def.keyType)) : fc.string()).filter(
          (k) => !RESERVED_KEYS.includes(k),
        ),
        next(def.valueType),
        { maxKeys: 3 },
      );
    case 'object': {
      const shape = def.shape ?? {};
      return fc
        .record(Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, next(s)])))
        .map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)));
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  !(v instanceof Pairs) &&
  !(v instanceof RawNumber);

/** Every path to a value inside `value`, objects and arrays alike (the root is []). */
function pathsOf(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out = [at];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...at, i])));
  else if (isPlainObject(value))
    for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...at, k]));
  return out;
}

function replaced(value: unknown, path: (string | number)[], by: unknown): unknown {
  if (path.length === 0) return by;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? replaced(v, rest, by) : v));
  if (isPlainObject(value))
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, k === head ? replaced(v, rest, by) : v]),
    );
  return value;
}

/**
 * The valid-ish value with one thing wrong: a field swapped for a hostile value, dropped, or an
 * extra field added beside it. These get past the first checks, so they reach deepest.
 */
export function mutated(base: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return base.chain((value) => {
    const paths = pathsOf(value);
    return fc.oneof(
      {
        weight: 6,
        arbitrary: fc.tuple(fc.constantFrom(...paths), naughtyValue).map(([p, v]) => replaced(value, p, v)),
      },
      {
        weight: 1,
        arbitrary: fc.constantFrom(...paths).map((p) => {
          if (p.length === 0 || !isPlainObject(value)) return value;
          return replaced(value, p, undefined);
        }),
      },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.oneof(fc.constantFrom(...RESERVED_KEYS), fc.string({ maxLength: 8 })), naughtyValue)
          .map(([k, v]) => (isPlainObject(value) ? new Pairs([...Object.entries(value), [k, v]]) : value)),
      },
    );
  });
}

/** JSON text as a hostile client would write it: reserved keys and raw number literals kept. */
export function jsonText(value: unknown, ids: readonly string[] = []): string {
  if (value instanceof RawNumber) return value.literal;
  if (value instanceof IdRef) return JSON.stringify(value.resolve(ids));
  if (value instanceof Pairs)
    return `{${value.entries
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${JSON.stringify(k)}:${jsonText(v, ids)}`)
      .join(',')}}`;
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : jsonText(v, ids))).join(',')}]`;
  if (isPlainObject(value)) return jsonText(new Pairs(Object.entries(value)), ids);
  if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
  return JSON.stringify(value) ?? 'null';
}

/**
 * Percent-encodes a path segment or query part, including lone surrogates, which
 * encodeURIComponent refuses: they go as the bytes a careless client would send (CESU-8).
 */
export function percentEncode(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const isHigh = code >= 0xd800 && code <= 0xdbff;
    const isLow = code >= 0xdc00 && code <= 0xdfff;
    if (
      isHigh &&
      i + 1 < text.length &&
      text.charCodeAt(i + 1) >= 0xdc00 &&
      text.charCodeAt(i + 1) <= 0xdfff
    ) {
      out += encodeURIComponent(text.slice(i, i + 2));
      i++;
    } else if (isHigh || isLow) {
      out +=
        `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`.toUpperCase();
    } else out += encodeURIComponent(text[i]);
  }
  return out;
}

/** A query string in qs's syntax (`a[b]=1`, `a[]=1`) for any value, hostile keys included. */
export function queryText(value: unknown, ids: readonly string[] = []): string {
  const parts: string[] = [];
  const walk = (key: string, v: unknown) => {
    if (v === undefined) return;
    if (v instanceof Pairs) v.entries.forEach(([k, inner]) => walk(key ? `${key}[${k}]` : k, inner));
    else if (Array.isArray(v)) v.forEach((inner) => walk(`${key}[]`, inner));
    else if (isPlainObject(v))
      Object.entries(v).forEach(([k, inner]) => walk(key ? `${key}[${k}]` : k, inner));
    else if (key)
      parts.push(
        `${percentEncode(key)}=${percentEncode(v instanceof RawNumber ? v.literal : v instanceof IdRef ? v.resolve(ids) : v === null ? '' : String(v))}`,
      );
  };
  walk('', value);
  return parts.join('&');
}
