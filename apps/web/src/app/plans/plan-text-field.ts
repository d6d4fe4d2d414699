import type { AbstractControl, ValidationErrors } from '@angular/forms';
import { PlanDocumentSchema, planDocumentFromMarkup } from '@heard/domain';

/**
 * A section's typed text must make a document the API takes (PlanDocumentSchema): the first thing
 * wrong, in the schema's words, shows under the text box before anything is sent.
 */
export function planTextValidator(control: AbstractControl<string>): ValidationErrors | null {
  const result = PlanDocumentSchema.safeParse(planDocumentFromMarkup(control.value ?? ''));
  return result.success
    ? null
    : { planText: result.error.issues[0]?.message ?? 'This text cannot be saved.' };
}
