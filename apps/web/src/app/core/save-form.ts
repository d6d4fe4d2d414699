import type { WritableSignal } from '@angular/core';
import type { AbstractControl } from '@angular/forms';
import type { ProblemDetails } from '@heard/domain';
import { Observable, finalize } from 'rxjs';
import { applyNestedServerErrors } from './form-errors';
import type { PageFocus } from './focus';
import { toProblem } from './problem';

export interface FormSave<T> {
  form: AbstractControl;
  /** The page's focus (pageFocus()), so the first field to fix or the message is focused. */
  focus: PageFocus;
  saving: WritableSignal<boolean>;
  problem: WritableSignal<ProblemDetails | null>;
  /** Made only once the form is valid. */
  request: () => Observable<T>;
  saved: (result: T) => void;
  /** Server field names that live elsewhere in the form (see applyNestedServerErrors). */
  aliases?: Readonly<Record<string, string>>;
  /** A selector for the part of the page the form is in, where a page has several forms. */
  within?: string;
  /**
   * Runs first when the server refuses. Return true when it has dealt with the refusal itself
   * (its fields and focus), e.g. by asking for something more before trying again.
   */
  refused?: (problem: ProblemDetails) => boolean;
}

/**
 * The one way a page saves a form: nothing is sent while invalid or already saving; the server's
 * field messages land on their fields; focus goes to the first field it named, or else to the
 * message, so keyboard and screen reader users hear what to fix.
 */
export function saveForm<T>(save: FormSave<T>): void {
  if (save.saving()) return;
  if (save.form.invalid) {
    save.form.markAllAsTouched();
    save.focus.firstInvalid(save.within);
    return;
  }
  save.saving.set(true);
  save.problem.set(null);
  save
    .request()
    .pipe(finalize(() => save.saving.set(false)))
    .subscribe({
      next: (result) => {
        save.form.markAsPristine();
        save.saved(result);
      },
      error: (error: unknown) => {
        const problem = toProblem(error);
        save.problem.set(problem);
        if (save.refused?.(problem)) return;
        applyNestedServerErrors(save.form, problem, save.aliases);
        // After a refusal: the first field the server named, or else the message itself.
        if (save.form.invalid) save.focus.firstInvalidLater(save.within);
        else save.focus.problemLater(save.within);
      },
    });
}
