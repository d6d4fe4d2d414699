import { Signal, WritableSignal } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import type { ProblemDetails } from '@heard/domain';
import { EMPTY, Observable, catchError, filter, map, merge, switchMap, tap } from 'rxjs';
import { toProblem } from './problem';

/** Load again when `when` emits; `showLoading` says whether the reload shows as loading or runs quietly. */
export interface Reload {
  when: Observable<unknown>;
  showLoading: boolean;
}

/**
 * Loads the record an id signal names, again whenever the id changes (and on each `reload`),
 * keeping `loading` and `problem` up to date. A failed load sets the problem and emits nothing.
 * Call it in an injection context (a constructor).
 */
export function loadRecord<T>(
  id: Signal<string | undefined>,
  load: (id: string) => Observable<T>,
  state: { loading: WritableSignal<boolean>; problem: WritableSignal<ProblemDetails | null> },
  reload?: Reload,
): Observable<T> {
  const changes = toObservable(id).pipe(map((value) => ({ value, again: false })));
  const again = reload ? reload.when.pipe(map(() => ({ value: id(), again: true }))) : EMPTY;
  return merge(changes, again).pipe(
    filter((request): request is { value: string; again: boolean } => Boolean(request.value)),
    tap((request) => {
      if (!request.again || reload?.showLoading) state.loading.set(true);
      state.problem.set(null);
    }),
    switchMap((request) =>
      load(request.value).pipe(
        catchError((error: unknown) => {
          state.problem.set(toProblem(error));
          state.loading.set(false);
          return EMPTY;
        }),
      ),
    ),
  );
}
