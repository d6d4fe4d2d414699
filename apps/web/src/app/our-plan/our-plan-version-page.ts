import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, ViewEncapsulation, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { LUNDY_AREAS, LUNDY_AREA_LABELS, LUNDY_QUESTIONS, PLAN_SECTIONS, monthInWords } from '@heard/domain';
import type {
  PlanDocument,
  PublishedPlanListResponse,
  PublishedPlanResponse,
  PublishedPlanVersionSummary,
} from '@heard/domain';
import { catchError, forkJoin, map, of, startWith, switchMap } from 'rxjs';
import { PlanDocumentView } from '../plans/view/plan-document-view';
import { OurPlanApi } from './our-plan-api';
import {
  OurPlanReader,
  publishedWords,
  readerFromRoute,
  readerQuery,
  versionWords,
  yearHeading,
} from './our-plan-reader';
import { PUBLISHED_PLAN } from './our-plan-words';

type Page =
  | { state: 'loading' }
  | { state: 'ready'; plan: PublishedPlanResponse; list: PublishedPlanListResponse | null }
  | { state: 'missing' }
  | { state: 'failed' };

interface ShownSection {
  key: string;
  title: string;
  document: PlanDocument;
  /** The Lundy answers, under their four areas: for professionals, under the self-appraisal. */
  lundy: { area: string; answers: { question: string; answer: string; evidence: string[] }[] }[];
  /** Next year's promises, under the commitments section, in the reader's words. */
  promises: { words: string; due: string | null }[];
}

/**
 * One published version of the plan (`/our-plan/:versionId`), for everyone, no sign-in: its number,
 * when it came out and what changed, then each section in young people's words (the default) or
 * professionals' (`?for=professionals`). An old version says so and links to the newest; every
 * version after the first links to what changed since the one before.
 */
@Component({
  selector: 'heard-our-plan-version-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [RouterLink, PlanDocumentView, OurPlanReader],
  template: `
    <div class="heard-our-plan">
      <p class="no-print">
        <a routerLink="/our-plan">{{ words.allPlans }}</a>
      </p>
      @switch (page().state) {
        @case ('loading') {
          <h1>{{ words.title }}</h1>
          <p role="status">{{ words.loading }}</p>
        }
        @case ('missing') {
          <h1>{{ words.title }}</h1>
          <p role="alert">{{ words.notFound }}</p>
        }
        @case ('failed') {
          <h1>{{ words.title }}</h1>
          <p role="alert">{{ words.failed }}</p>
        }
        @case ('ready') {
          @if (plan(); as plan) {
            <h1>{{ heading(plan.period) }}</h1>
            <p class="when">{{ version(plan.number) }}. {{ published(plan.publishedAt) }}.</p>
            @if (newest(); as newest) {
              <p class="notice">
                {{ words.oldVersion }}
                <a class="no-print" [routerLink]="['/our-plan', newest.id]" [queryParams]="query()">{{
                  words.readNewest
                }}</a>
              </p>
            }
            @if (plan.whatChanged) {
              <section class="what-changed" aria-labelledby="what-changed">
                <h2 id="what-changed">{{ words.whatChanged }}</h2>
                <p>{{ plan.whatChanged }}</p>
              </section>
            }
            @if (before(); as before) {
              <p class="no-print">
                <a
                  routerLink="/our-plan/compare"
                  [queryParams]="{ before: before.id, after: plan.id, for: query().for }"
                  >{{ compareWords(before.number) }}</a
                >
              </p>
            }
            <div class="plan-tools">
              <heard-our-plan-reader [reader]="reader()" />
              <button type="button" class="print no-print" (click)="print()">{{ words.print }}</button>
              <a class="no-print" [href]="pdfUrl(plan.id)" type="application/pdf">{{ words.pdf }}</a>
            </div>
            @for (section of sections(); track section.key) {
              <section class="plan-section" [attr.aria-labelledby]="'section-' + section.key">
                <h2 [id]="'section-' + section.key">{{ section.title }}</h2>
                @if (section.document.blocks.length > 0) {
                  <heard-plan-document [document]="section.document" [headingBase]="2" />
                } @else {
                  <p>{{ words.empty }}</p>
                }
                @for (area of section.lundy; track area.area) {
                  <h3>{{ area.area }}</h3>
                  @for (a of area.answers; track $index) {
                    <h4>{{ a.question }}</h4>
                    <p>{{ a.answer }}</p>
                    @if (a.evidence.length > 0) {
                      <p class="evidence-label">{{ words.evidence }}</p>
                      <ul>
                        @for (e of a.evidence; track $index) {
                          <li>{{ e }}</li>
                        }
                      </ul>
                    }
                  }
                }
                @if (section.promises.length > 0) {
                  <h3>{{ words.promises }}</h3>
                  <ul class="promises">
                    @for (promise of section.promises; track $index) {
                      <li>
                        {{ promise.words }}
                        @if (promise.due) {
                          <span class="when">{{ promise.due }}</span>
                        }
                      </li>
                    }
                  </ul>
                }
              </section>
            }
          }
        }
      }
    </div>
  `,
  styleUrl: './our-plan.scss',
})
export default class OurPlanVersionPage {
  private readonly api = inject(OurPlanApi);
  private readonly route = inject(ActivatedRoute);
  protected readonly words = PUBLISHED_PLAN;

  protected readonly reader = readerFromRoute(this.route);
  protected readonly query = computed(() => readerQuery(this.reader()));

  protected readonly page = toSignal(
    this.route.paramMap.pipe(
      map((p) => p.get('versionId') ?? ''),
      switchMap((id) =>
        forkJoin({
          plan: this.api.version(id),
          // The list names the version before and the newest; the plan is shown without them.
          list: this.api.list().pipe(catchError(() => of(null))),
        }).pipe(
          map(({ plan, list }): Page => ({ state: 'ready', plan, list })),
          catchError((error: unknown) =>
            of<Page>(
              error instanceof HttpErrorResponse && error.status === 404
                ? { state: 'missing' }
                : { state: 'failed' },
            ),
          ),
          startWith<Page>({ state: 'loading' }),
        ),
      ),
    ),
    { initialValue: { state: 'loading' } as Page },
  );

  protected readonly plan = computed(() => {
    const p = this.page();
    return p.state === 'ready' ? p.plan : null;
  });

  /** Every published version of this plan's year, newest first. */
  private readonly versions = computed((): PublishedPlanVersionSummary[] => {
    const p = this.page();
    if (p.state !== 'ready' || !p.list) return [];
    const year = p.list.plans.find((y) => y.year === p.plan.year);
    return year
      ? [...(year.current ? [year.current] : []), ...year.past].sort((a, b) => b.number - a.number)
      : [];
  });

  /** The version this one corrected: the newest of the year's versions before it. */
  protected readonly before = computed(() => {
    const plan = this.plan();
    return plan ? (this.versions().find((v) => v.number < plan.number) ?? null) : null;
  });

  /** The year's plan as it is now, when this is an older version of it. */
  protected readonly newest = computed(() => {
    const plan = this.plan();
    const newest = this.versions()[0];
    return plan && newest && newest.id !== plan.id ? newest : null;
  });

  protected readonly sections = computed((): ShownSection[] => {
    const plan = this.plan();
    if (!plan) return [];
    const young = this.reader() === 'young';
    return plan.sections.map((section) => {
      const rule = PLAN_SECTIONS[section.key];
      return {
        key: section.key,
        title: young ? rule.childTitle : rule.letter ? `${rule.letter}. ${rule.title}` : rule.title,
        document: young ? section.childFriendly : section.professional,
        lundy: section.key === 'lundy' && !young ? lundyOf(plan) : [],
        promises:
          section.key === 'commitments'
            ? plan.commitments.map((c) => ({
                words: young ? c.childWords : c.words,
                due: c.dueOn
                  ? PUBLISHED_PLAN.dueBy.replace('{month}', monthInWords(c.dueOn.slice(0, 7)))
                  : null,
              }))
            : [],
      };
    });
  });

  protected readonly heading = yearHeading;
  protected readonly version = versionWords;
  protected readonly published = publishedWords;

  protected compareWords(n: number): string {
    return PUBLISHED_PLAN.compareWithBefore.replace('{n}', String(n));
  }

  /** The version's tagged PDF, made when it was published (docs/plan.md, "The PDF"). */
  protected pdfUrl(id: string): string {
    return `/api/published-plans/${encodeURIComponent(id)}/pdf`;
  }

  protected print(): void {
    window.print();
  }
}

/** The Lundy answers under their areas, in the order of the questions; unanswered ones left out. */
function lundyOf(plan: PublishedPlanResponse): ShownSection['lundy'] {
  return LUNDY_AREAS.map((area) => ({
    area: LUNDY_AREA_LABELS[area].title,
    answers: LUNDY_QUESTIONS.filter((q) => q.area === area).flatMap((q) => {
      const a = plan.lundy.find((l) => l.questionKey === q.key);
      return a ? [{ question: q.question, answer: a.answer, evidence: a.evidence.map((e) => e.words) }] : [];
    }),
  })).filter((area) => area.answers.length > 0);
}
