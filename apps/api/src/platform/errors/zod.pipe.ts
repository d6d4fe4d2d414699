import { PipeTransform } from '@nestjs/common';
import { z } from 'zod';
import { DomainError } from './domain-error';

/** Turns zod issues into per-field messages keyed by dotted path. */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  // A Map, then fromEntries: keys come from the input, and `errors[key] ??= []` with a key such as
  // `constructor` or `__proto__` found Object.prototype's member instead of nothing (a 500).
  const byKey = new Map<string, string[]>();
  const add = (key: string, message: string) => byKey.set(key, [...(byKey.get(key) ?? []), message]);
  for (const issue of error.issues) {
    let key = issue.path.join('.') || '_';
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') {
      for (const unknownKey of issue.keys) {
        key = [...issue.path, unknownKey].join('.');
        add(key, 'This field is not recognised.');
      }
      continue;
    }
    if (issue.code === 'invalid_type' && message.startsWith('Invalid input'))
      message = 'This field is missing or of the wrong type.';
    add(key, message);
  }
  return Object.fromEntries(byKey);
}

/**
 * Validates a body or query against a schema from libs/domain. Unknown fields are refused by the
 * schemas' `.strict()`, so a typo never silently does nothing.
 */
export class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.output<S> {
    const result = this.schema.safeParse(value ?? {});
    if (!result.success) {
      const errors = fieldErrors(result.error);
      const fields = Object.keys(errors).filter((k) => k !== '_');
      const detail =
        fields.length > 0
          ? `Please check ${fields.length === 1 ? 'this field' : 'these fields'}: ${fields.join(', ')}.`
          : (errors['_']?.[0] ?? 'The request is not valid.');
      throw new DomainError('validation', detail, errors);
    }
    return result.data;
  }
}
