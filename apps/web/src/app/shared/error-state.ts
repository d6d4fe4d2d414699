import type { ErrorStateMatcher } from '@angular/material/core';

/**
 * Red only once submitted. Material's default also turns a field red when its form has been
 * submitted, so a box that appears after a refused submit (an override reason) was red before
 * anyone typed. Pair it with `updateOn: 'submit'`, so leaving the box does not count as touching it.
 */
export const redAfterSubmit: ErrorStateMatcher = {
  isErrorState: (control) => Boolean(control?.invalid && control.touched),
};
