import type { Provider } from '@angular/core';
import {
  MAT_FORM_FIELD_DEFAULT_OPTIONS,
  type MatFormFieldDefaultOptions,
} from '@angular/material/form-field';

/**
 * Outlined fields: their border meets the 3:1 non-text contrast rule on its own.
 * Provided on the lazy routes that have forms (not in app.config.ts), so the form-field
 * and forms code stays out of the first download.
 */
export function provideFormFieldDefaults(): Provider {
  return {
    provide: MAT_FORM_FIELD_DEFAULT_OPTIONS,
    useValue: { appearance: 'outline' } satisfies MatFormFieldDefaultOptions,
  };
}
