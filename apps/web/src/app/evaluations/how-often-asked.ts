import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import type { HowOftenAsked } from '@heard/domain';
import { MAX_HOW_OFTEN_ASKED_IDS, howOftenAskedInWords, quieterVoicesFirst } from '@heard/domain';
import { EvaluationsApi } from './evaluations-api';

/**
 * "Asked 2 times in 3 months": small plain text beside a name wherever officers choose who to ask
 * (the invite wizard, a round's set-up). Nothing when it is not known: no figure is better than a
 * wrong one. Never a rank or a score.
 */
@Component({
  selector: 'heard-how-often-asked',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `@if (asked(); as a) {
    <span class="heard-how-often-asked">{{ words(a) }}</span>
  }`,
  styles: `
    .heard-how-often-asked {
      font-size: 0.875rem;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class HowOftenAskedText {
  readonly asked = input<HowOftenAsked | undefined>(undefined);
  protected readonly words = howOftenAskedInWords;
}

/**
 * What a page choosing people needs, made in its injection context: load the counts for the ids
 * it shows, read one, and put the quieter voices first when the officer turns that on. A failed
 * load (a role the API does not show counts to, a dropped connection) leaves the counts out.
 */
export function howOftenAskedState() {
  const api = inject(EvaluationsApi);
  const byId = signal<ReadonlyMap<string, HowOftenAsked>>(new Map());
  const quieterFirst = signal(false);
  const known = computed(() => byId().size > 0);
  return {
    quieterFirst,
    known,
    of: (youngPersonId: string): HowOftenAsked | undefined => byId().get(youngPersonId),
    load(youngPersonIds: readonly string[]): void {
      const ids = [...new Set(youngPersonIds)].slice(0, MAX_HOW_OFTEN_ASKED_IDS);
      if (ids.length === 0) return;
      api.howOftenAsked(ids).subscribe({
        next: (rows) => byId.set(new Map(rows.map((r) => [r.youngPersonId, r]))),
        error: () => byId.set(new Map()),
      });
    },
    /** The list as given, or with the quieter voices first; those without a count keep their place last. */
    order<T>(people: readonly T[], idOf: (p: T) => string): T[] {
      if (!quieterFirst()) return [...people];
      const counts = byId();
      const counted = people.flatMap((p) => {
        const asked = counts.get(idOf(p));
        return asked ? [{ p, asked }] : [];
      });
      const rest = people.filter((p) => !counts.has(idOf(p)));
      return [...quieterVoicesFirst(counted, (c) => c.asked).map((c) => c.p), ...rest];
    },
  };
}
