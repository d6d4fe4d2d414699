import { Injector, WritableSignal, afterNextRender } from '@angular/core';
import type { AbstractControl } from '@angular/forms';
import type { ProblemDetails } from '@heard/domain';
import { Observable, finalize } from 'rxjs';
import { applyNestedServerErrors } from './form-errors';
import { focusFirstInvalid, toProblem } from './problem';

export interface FormSave<T> {
  form: AbstractControl;
  host: HTMLElement;
  injector: Injector;
  saving: WritableSignal<boolean>;
  problem: WritableSignal<ProblemDetails | null>;
  /** Made only once the form is valid. */
  request: () => Observable<T>;
  saved: (result: T) => void;
  /** Server field names that live elsewhere in the form (see applyNestedServerErrors). */
  aliases?: Readonly<Record<string, string>>;
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
    focusFirstInvalid(save.host);
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
        applyNestedServerErrors(save.form, problem, save.aliases);
        afterNextRender(() => focusProblem(save.form, save.host), { injector: save.injector });
      },
    });
}

/** After a refusal: the first field the server named, or else the message itself. */
export function focusProblem(form: AbstractControl, host: HTMLElement): void {
  if (form.invalid) {
    focusFirstInvalid(host);
    return;
  }
  const alert = host.querySelector<HTMLElement>('heard-problem-alert [role="alert"]');
  alert?.setAttribute('tabindex', '-1');
  alert?.focus();
}
