import { ChangeDetectionStrategy, Component, Signal, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, ParamMap, Router } from '@angular/router';
import { map } from 'rxjs';
import { instantInWords, monthInWords } from '@heard/domain';
import type { PlanPeriod } from '@heard/domain';
import { PUBLISHED_PLAN } from './our-plan-words';

/** Whose words the public plan is shown in: young people's by default, or professionals'. */
export type PlanReader = 'young' | 'professional';

/** The reader from the address (`?for=professionals`), so a page in either words can be shared and printed. */
export function readerOf(q: ParamMap): PlanReader {
  return q.get('for') === 'professionals' ? 'professional' : 'young';
}

/** The address's query for a reader: young people's words are the plain address. */
export function readerQuery(reader: PlanReader): { for: string | null } {
  return { for: reader === 'professional' ? 'professionals' : null };
}

/** The reader the page's address asks for, following it as the switch changes it. Call in a constructor or field. */
export function readerFromRoute(route: ActivatedRoute): Signal<PlanReader> {
  return toSignal(route.queryParamMap.pipe(map(readerOf)), { initialValue: 'young' as PlanReader });
}

/** "Our plan for April 2026 to March 2027". */
export function yearHeading(period: PlanPeriod): string {
  return PUBLISHED_PLAN.yearHeading
    .replace('{from}', monthInWords(period.from.slice(0, 7)))
    .replace('{to}', monthInWords(period.to.slice(0, 7)));
}

/** "Version 2". */
export function versionWords(n: number): string {
  return PUBLISHED_PLAN.version.replace('{n}', String(n));
}

/** "Out on 3 March 2026": when a version was published, as a day in the UK. */
export function publishedWords(at: string): string {
  return PUBLISHED_PLAN.published.replace('{date}', instantInWords(new Date(at)));
}

/**
 * The switch between the plan for young people and for professionals: two buttons, the one
 * showing pressed. It keeps the choice in the address, so the page stays as it is, focus included.
 */
@Component({
  selector: 'heard-our-plan-reader',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="reader-switch no-print" role="group" [attr.aria-label]="words.show">
      <button type="button" [attr.aria-pressed]="reader() === 'young'" (click)="choose('young')">
        {{ words.forYoungPeople }}
      </button>
      <button
        type="button"
        [attr.aria-pressed]="reader() === 'professional'"
        (click)="choose('professional')"
      >
        {{ words.forProfessionals }}
      </button>
    </div>
    <p class="print-only">{{ reader() === 'young' ? words.forYoungPeople : words.forProfessionals }}</p>
  `,
})
export class OurPlanReader {
  readonly reader = input.required<PlanReader>();
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly words = PUBLISHED_PLAN;

  protected choose(reader: PlanReader): void {
    if (reader === this.reader()) return;
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: readerQuery(reader),
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }
}
