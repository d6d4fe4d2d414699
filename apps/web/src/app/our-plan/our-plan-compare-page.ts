import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, ViewEncapsulation, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, RouterLink } from '@angular/router';
import type { PublishedPlanComparedVersion, PublishedPlanComparisonResponse } from '@heard/domain';
import { catchError, distinctUntilChanged, map, of, startWith, switchMap } from 'rxjs';
import { PlanCompareView } from '../plans/view/plan-compare-view';
import { OurPlanApi } from './our-plan-api';
import { OurPlanReader, readerFromRoute, readerQuery, versionWords } from './our-plan-reader';
import { PUBLISHED_PLAN } from './our-plan-words';

type Page =
  | { state: 'unasked' }
  | { state: 'loading' }
  | { state: 'ready'; comparison: PublishedPlanComparisonResponse }
  | { state: 'missing' }
  | { state: 'failed' };

/**
 * What changed between two published versions of the plan (`/our-plan/compare?before=&after=`),
 * for everyone, no sign-in: each section in young people's words or professionals', side by side
 * on a wide screen and as one text on a phone, the changes marked word by word (PlanCompareView).
 */
@Component({
  selector: 'heard-our-plan-compare-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [RouterLink, PlanCompareView, OurPlanReader],
  template: `
    <div class="heard-our-plan heard-our-plan-compare">
      <p class="no-print">
        <a routerLink="/our-plan">{{ words.allPlans }}</a>
      </p>
      <h1>{{ words.compareTitle }}</h1>
      <p class="intro">{{ words.compareIntro }}</p>
      @switch (page().state) {
        @case ('unasked') {
          <p role="alert">{{ words.chooseTwo }}</p>
        }
        @case ('loading') {
          <p role="status">{{ words.loading }}</p>
        }
        @case ('missing') {
          <p role="alert">{{ words.notFound }}</p>
        }
        @case ('failed') {
          <p role="alert">{{ words.failed }}</p>
        }
        @case ('ready') {
          @if (comparison(); as c) {
            <p class="when">{{ compared(c) }}</p>
            @if (c.after.whatChanged) {
              <p>
                <strong>{{ words.whatChanged }}:</strong> {{ c.after.whatChanged }}
              </p>
            }
            <ul class="versions no-print">
              <li>
                <a [routerLink]="['/our-plan', c.before.id]" [queryParams]="query()">{{
                  readWords(c.before)
                }}</a>
              </li>
              <li>
                <a [routerLink]="['/our-plan', c.after.id]" [queryParams]="query()">{{
                  readWords(c.after)
                }}</a>
              </li>
            </ul>
            <div class="plan-tools">
              <heard-our-plan-reader [reader]="reader()" />
              <button type="button" class="print no-print" (click)="print()">{{ words.print }}</button>
            </div>
            <heard-plan-compare
              [sections]="c.sections"
              [texts]="reader() === 'young' ? 'childFriendly' : 'professional'"
              [beforeLabel]="name(c.before)"
              [afterLabel]="name(c.after)"
            />
          }
        }
      }
    </div>
  `,
  styleUrl: './our-plan.scss',
})
export default class OurPlanComparePage {
  private readonly api = inject(OurPlanApi);
  private readonly route = inject(ActivatedRoute);
  protected readonly words = PUBLISHED_PLAN;

  protected readonly reader = readerFromRoute(this.route);
  protected readonly query = computed(() => readerQuery(this.reader()));

  protected readonly page = toSignal(
    this.route.queryParamMap.pipe(
      map((q) => ({ before: q.get('before'), after: q.get('after') })),
      // Switching between young people's and professionals' words keeps the comparison as it is.
      distinctUntilChanged((a, b) => a.before === b.before && a.after === b.after),
      switchMap(({ before, after }) =>
        before && after
          ? this.api.compare(before, after).pipe(
              map((comparison): Page => ({ state: 'ready', comparison })),
              catchError((error: unknown) =>
                of<Page>(
                  error instanceof HttpErrorResponse && (error.status === 404 || error.status === 400)
                    ? { state: 'missing' }
                    : { state: 'failed' },
                ),
              ),
              startWith<Page>({ state: 'loading' }),
            )
          : of<Page>({ state: 'unasked' }),
      ),
    ),
    { initialValue: { state: 'loading' } as Page },
  );

  protected readonly comparison = computed(() => {
    const p = this.page();
    return p.state === 'ready' ? p.comparison : null;
  });

  /** "Version 1", or "Version 1 of the 2026 plan" when two years' plans are compared. */
  protected name = (v: PublishedPlanComparedVersion): string => {
    const c = this.comparison();
    const name = versionWords(v.number);
    return c && c.before.year !== c.after.year ? `${name} (${v.year})` : name;
  };

  protected compared(c: PublishedPlanComparisonResponse): string {
    return PUBLISHED_PLAN.compared
      .replace('{before}', this.name(c.before))
      .replace('{after}', this.name(c.after));
  }

  protected readWords(v: PublishedPlanComparedVersion): string {
    return PUBLISHED_PLAN.readVersion.replace('{n}', String(v.number));
  }

  protected print(): void {
    window.print();
  }
}
