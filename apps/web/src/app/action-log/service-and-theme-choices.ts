import { Signal, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { ActionLogListEntry, ProblemDetails } from '@heard/domain';
import { forkJoin } from 'rxjs';
import { toProblem } from '../core/problem';
import { ActionLogApi } from './action-log-api';

export interface ServiceAndThemeChoices {
  services: Signal<ActionLogListEntry[]>;
  themes: Signal<ActionLogListEntry[]>;
  problem: Signal<ProblemDetails | null>;
}

/**
 * The services and themes a page offers as choices (retired ones too: old items name them), loaded
 * once with the page. Call it in a constructor or field initialiser: it stops with the page.
 * `cannot` finishes "so you cannot … just now" when they fail to load.
 */
export function serviceAndThemeChoices(api: ActionLogApi, cannot: string): ServiceAndThemeChoices {
  const services = signal<ActionLogListEntry[]>([]);
  const themes = signal<ActionLogListEntry[]>([]);
  const problem = signal<ProblemDetails | null>(null);
  forkJoin([api.listEntries('services'), api.listEntries('themes')])
    .pipe(takeUntilDestroyed())
    .subscribe({
      next: ([s, t]) => {
        services.set(s);
        themes.set(t);
      },
      error: (error: unknown) =>
        problem.set({
          ...toProblem(error),
          detail: `We could not load the services and themes, so you cannot ${cannot} just now. ${toProblem(error).detail}`,
        }),
    });
  return { services: services.asReadonly(), themes: themes.asReadonly(), problem: problem.asReadonly() };
}
