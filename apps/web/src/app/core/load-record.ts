import { Signal, WritableSignal } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import type { ProblemDetails } from '@heard/domain';
import { EMPTY, Observable, catchError, filter, switchMap, tap } from 'rxjs';
import { toProblem } from './problem';

/**
 * Loads the record an id signal names, again whenever the id changes, keeping `loading` and
 * `problem` up to date. A failed load sets the problem and emits nothing. Call it in an injection
 * context (a constructor).
 */
export function loadRecord<T>(
  id: Signal<string | undefined>,
  load: (id: string) => Observable<T>,
  state: { loading: WritableSignal<boolean>; problem: WritableSignal<ProblemDetails | null> },
): Observable<T> {
  return toObservable(id).pipe(
    filter((value): value is string => Boolean(value)),
    tap(() => {
      state.loading.set(true);
      state.problem.set(null);
    }),
    switchMap((value) =>
      load(value).pipe(
        catchError((error: unknown) => {
          state.problem.set(toProblem(error));
          state.loading.set(false);
          return EMPTY;
        }),
      ),
    ),
  );
}
