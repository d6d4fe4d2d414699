import { HttpErrorResponse } from '@angular/common/http';
import type { AbstractControl, FormGroup } from '@angular/forms';
import type { ProblemDetails } from '@heard/domain';

function isProblem(body: unknown): body is ProblemDetails {
  return (
    typeof body === 'object' && body !== null && typeof (body as { detail?: unknown }).detail === 'string'
  );
}

function fallbackDetail(status: number): string {
  if (status === 0) return 'We could not reach Heard. Check your connection and try again.';
  if (status === 401) return 'Please sign in again.';
  if (status === 403) return 'You do not have access to this.';
  if (status === 404) return 'We could not find that. It may have been removed.';
  if (status === 423) return 'This account is locked for now. Try again later.';
  if (status === 429) return 'There have been too many attempts. Wait a few minutes, then try again.';
  if (status >= 500) return 'Something went wrong on our side. Please try again in a few minutes.';
  return 'Something went wrong. Please try again.';
}

/** Any error from an API call, as a ProblemDetails the page can show. */
export function toProblem(error: unknown): ProblemDetails {
  if (error instanceof HttpErrorResponse) {
    if (isProblem(error.error)) return error.error;
    return {
      type: 'about:blank',
      title: error.statusText || 'Error',
      status: error.status,
      detail: fallbackDetail(error.status),
    };
  }
  return { type: 'about:blank', title: 'Error', status: 0, detail: fallbackDetail(-1) };
}

/**
 * Puts the server's per-field messages on the matching form controls (error key `server`),
 * so each message also shows under its field. Typing in the field clears it.
 */
export function applyServerErrors(form: FormGroup, problem: ProblemDetails): void {
  for (const [field, messages] of Object.entries(problem.errors ?? {})) {
    const control: AbstractControl | null = form.get(field);
    if (control && messages.length > 0) {
      control.setErrors({ ...(control.errors ?? {}), server: messages.join(' ') });
      control.markAsTouched();
    }
  }
}
