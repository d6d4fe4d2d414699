import { HttpErrorResponse } from '@angular/common/http';
import { FormControl, FormGroup } from '@angular/forms';
import type { ProblemDetails } from '@heard/domain';
import { applyServerErrors, toProblem } from './problem';

describe('toProblem', () => {
  it('keeps the API’s problem details as they are', () => {
    const body: ProblemDetails = {
      type: 'about:blank',
      title: 'Locked',
      status: 423,
      detail: 'This account is locked. Try again in 14 minutes.',
      code: 'auth.locked',
    };
    expect(toProblem(new HttpErrorResponse({ status: 423, error: body }))).toEqual(body);
  });

  it('explains a network failure in plain words', () => {
    const problem = toProblem(new HttpErrorResponse({ status: 0, error: new ProgressEvent('error') }));
    expect(problem.detail).toBe('We could not reach Heard. Check your connection and try again.');
  });

  it('gives a readable detail when a 429 has no body', () => {
    expect(toProblem(new HttpErrorResponse({ status: 429, error: null })).detail).toMatch(
      /too many attempts/i,
    );
  });

  it('copes with errors that are not HTTP errors', () => {
    expect(toProblem(new Error('boom')).detail).toBe('Something went wrong. Please try again.');
  });
});

describe('applyServerErrors', () => {
  it('puts each field’s messages on its control', () => {
    const form = new FormGroup({ password: new FormControl('x', { nonNullable: true }) });
    applyServerErrors(form, {
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: 'Check the password.',
      errors: { password: ['Use at least 12 characters.'], unknown: ['Ignored.'] },
    });
    expect(form.controls.password.getError('server')).toBe('Use at least 12 characters.');
    expect(form.controls.password.touched).toBe(true);
  });
});
