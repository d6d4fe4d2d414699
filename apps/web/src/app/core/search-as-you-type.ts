import { type Signal, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  type Observable,
  catchError,
  debounceTime,
  distinctUntilChanged,
  finalize,
  map,
  of,
  switchMap,
  tap,
} from 'rxjs';

/** What an autocomplete shows: the latest matches for the typed text, and whether a search is out. */
export interface Suggestions<T> {
  readonly items: Signal<T[]>;
  readonly searching: Signal<boolean>;
  /** Forgets the suggestions, e.g. when the form is reset after a save. */
  clear(): void;
}

/**
 * Suggestions for an autocomplete whose control holds the typed text until an option is chosen.
 * Searches once typing pauses, keeps only the latest answer, clears when the text is cleared, and
 * ignores values that are not text (a chosen option). A failed search suggests nothing rather than
 * interrupting the form. Call it where `takeUntilDestroyed` may be (a constructor or field).
 */
export function searchAsYouType<T>(
  values: Observable<unknown>,
  search: (text: string) => Observable<T[]>,
): Suggestions<T> {
  const items = signal<T[]>([]);
  const searching = signal(false);
  values
    .pipe(
      map((value) => (typeof value === 'string' ? value.trim() : null)),
      tap((text) => {
        if (text === '') items.set([]);
      }),
      debounceTime(250),
      distinctUntilChanged(),
      switchMap((text) => {
        if (!text) return of(null);
        searching.set(true);
        return search(text).pipe(
          catchError(() => of([] as T[])),
          finalize(() => searching.set(false)),
        );
      }),
      takeUntilDestroyed(),
    )
    .subscribe((found) => {
      if (found) items.set(found);
    });
  return { items: items.asReadonly(), searching: searching.asReadonly(), clear: () => items.set([]) };
}
