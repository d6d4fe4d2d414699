import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { passwordProblems } from '@heard/domain';

/** The shared password policy as a form validator: `{ policy: string[] }` lists what to fix. */
export const passwordPolicy: ValidatorFn = (control: AbstractControl<string>): ValidationErrors | null => {
  const value = control.value ?? '';
  if (value === '') return null; // `required` says "Choose a password."
  const problems = passwordProblems(value);
  return problems.length > 0 ? { policy: problems } : null;
};
