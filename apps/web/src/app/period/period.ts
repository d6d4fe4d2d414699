import { signal } from '@angular/core';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { addDays, todayInLondon } from '@heard/domain';
import type { ProblemDetails } from '@heard/domain';
import { BehaviorSubject, Observable, catchError, of, switchMap, tap } from 'rxjs';
import { applyServerErrors, toProblem } from '../core/problem';
import { periodOrderValidator } from '../young-people/young-person-form';

export interface Period {
  from: string;
  to: string;
}

/** The last 12 months up to today: from the same date a year ago, plus a day. */
export function lastTwelveMonths(today: string = todayInLondon()): Period {
  const [year, rest] = [Number(today.slice(0, 4)), today.slice(4)];
  const yearAgo = rest === '-02-29' ? `${year - 1}-02-28` : `${year - 1}${rest}`;
  return { from: addDays(yearAgo, 1), to: today };
}

export type PeriodFormGroup = FormGroup<{ from: FormControl<string>; to: FormControl<string> }>;

/**
 * A page's figures for a period chosen in a PeriodPicker: the form (the last 12 months to start),
 * the figures of the period last asked for, and the loading and problem states around each load.
 * A problem's field errors show on the form's fields.
 */
export class PeriodFigures<T> {
  readonly form: PeriodFormGroup = new FormGroup(
    {
      from: new FormControl(lastTwelveMonths().from, {
        nonNullable: true,
        validators: [Validators.required],
      }),
      to: new FormControl(lastTwelveMonths().to, { nonNullable: true, validators: [Validators.required] }),
    },
    { validators: [periodOrderValidator] },
  );
  readonly figures = signal<T | null>(null);
  readonly loading = signal(true);
  readonly problem = signal<ProblemDetails | null>(null);
  private readonly asked$ = new BehaviorSubject<Period>(lastTwelveMonths());

  /** The loads, to subscribe to for as long as the page lives (takeUntilDestroyed). */
  readonly loads$: Observable<T | null>;

  constructor(fetch: (period: Period) => Observable<T>) {
    this.loads$ = this.asked$.pipe(
      tap(() => {
        this.loading.set(true);
        this.problem.set(null);
      }),
      switchMap((period) =>
        fetch(period).pipe(
          catchError((error: unknown) => {
            const problem = toProblem(error);
            this.problem.set(problem);
            applyServerErrors(this.form, problem);
            return of(null);
          }),
        ),
      ),
      tap((figures) => {
        this.figures.set(figures);
        this.loading.set(false);
      }),
    );
  }

  /** Loads the period in the form, once it is a whole period. */
  show(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.asked$.next(this.form.getRawValue());
  }
}
