import type { AbstractControl, ValidationErrors } from '@angular/forms';

/** What the young-person pickers need of whoever is chosen; search results and records both fit. */
export interface ChosenPerson {
  id: string;
  preferredName: string;
  age?: number;
}

/** The picker holds what was typed until a young person is chosen from the list. */
export type PersonChoice<P extends ChosenPerson = ChosenPerson> = string | P | null;

/** `required` when nothing is typed, `choose` when text is typed but no one is picked from the list. */
export function chosenPersonValidator(control: AbstractControl<PersonChoice>): ValidationErrors | null {
  const value = control.value;
  if (value === null || value === '') return { required: true };
  return typeof value === 'string' ? { choose: true } : null;
}

/** For `mat-autocomplete`'s `displayWith`: the typed text stays as typed. */
export function displayPerson(value: PersonChoice): string {
  return value === null ? '' : typeof value === 'string' ? value : value.preferredName;
}
