import { FormControl, FormGroup, Validators } from '@angular/forms';
import type { PracticeToolRequest, PracticeToolResponse } from '@heard/domain';

/** The field names the server uses, as the form labels them, for the problem summary. */
export const PRACTICE_TOOL_FIELD_LABELS: Readonly<Record<string, string>> = {
  name: 'Name',
  purpose: 'What the tool is for',
  owningService: 'Owning service',
  coProducedWith: 'Co-produced with',
};

/** The descriptive fields of a tool, with the same limits as the API's contract. */
export function practiceToolForm() {
  return new FormGroup({
    name: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(120)],
    }),
    purpose: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(2000)],
    }),
    owningService: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(120)],
    }),
    coProducedWith: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(500)] }),
  });
}
export type PracticeToolForm = ReturnType<typeof practiceToolForm>;

export function fillPracticeToolForm(form: PracticeToolForm, tool: PracticeToolResponse): void {
  form.setValue({
    name: tool.name,
    purpose: tool.purpose,
    owningService: tool.owningService,
    coProducedWith: tool.coProducedWith ?? '',
  });
}

export function toPracticeToolRequest(form: PracticeToolForm): PracticeToolRequest {
  const v = form.getRawValue();
  return {
    name: v.name.trim(),
    purpose: v.purpose.trim(),
    owningService: v.owningService.trim(),
    coProducedWith: v.coProducedWith.trim() || null,
  };
}
