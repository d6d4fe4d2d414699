import { ChangeDetectionStrategy, Component, ViewEncapsulation, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { PLAN_STATUS_RULES, instantInWords } from '@heard/domain';
import type { PlanComparisonResponse, PlanVersionSummary, ProblemDetails } from '@heard/domain';
import { PageHeader, ProblemAlert } from '@heard/ui';
import { catchError, map, of, startWith, switchMap } from 'rxjs';
import { toProblem } from '../../core/problem';
import { PlanCompareApi } from './plan-compare-api';
import { PlanCompareView } from './plan-compare-view';

type Comparison =
  | { state: 'unasked' }
  | { state: 'loading' }
  | { state: 'ready'; comparison: PlanComparisonResponse }
  | { state: 'failed'; problem: ProblemDetails };

/** "Version 2" once published, "The version being worked on" before: a version gets its number when published. */
export function versionName(v: PlanVersionSummary): string {
  return v.number === null ? 'The version being worked on' : `Version ${v.number}`;
}

/** "Version 1: superseded, published 3 March 2026". */
export function versionFacts(v: PlanVersionSummary): string {
  const status = PLAN_STATUS_RULES[v.status].label.toLowerCase();
  const published = v.publishedAt ? `, published ${instantInWords(new Date(v.publishedAt))}` : '';
  return `${versionName(v)}: ${status}${published}`;
}

/**
 * Two versions of the plan compared for staff (`/plans/compare?before=&after=`): officers and senior
 * leaders, whichever status each version is in. Both texts of every section, side by side on a wide
 * screen and as one text on a phone, the changes marked word by word (PlanCompareView).
 */
@Component({
  selector: 'heard-plan-compare-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [MatButtonModule, MatProgressBarModule, RouterLink, PageHeader, ProblemAlert, PlanCompareView],
  template: `
    <div class="heard-plan-compare-page">
      <heard-page-header heading="Compare two versions of the plan" />
      <p class="heard-buttons no-print">
        <a routerLink="/plans">All plans</a>
        <button mat-stroked-button type="button" (click)="print()">Print</button>
      </p>
      @switch (comparison().state) {
        @case ('unasked') {
          <p>Choose the two versions to compare from the plan’s page.</p>
        }
        @case ('loading') {
          <mat-progress-bar mode="indeterminate" aria-label="Loading the comparison" />
        }
        @case ('failed') {
          @if (problem(); as problem) {
            <heard-problem-alert [problem]="problem" />
          }
        }
        @case ('ready') {
          @if (ready(); as c) {
            <dl class="heard-facts">
              <dt>Before</dt>
              <dd>
                <a [routerLink]="['/plans/versions', c.before.id]">{{ facts(c.before) }}</a>
              </dd>
              <dt>After</dt>
              <dd>
                <a [routerLink]="['/plans/versions', c.after.id]">{{ facts(c.after) }}</a>
              </dd>
              @if (c.after.whatChanged) {
                <dt>What changed, in the newer version’s words</dt>
                <dd>{{ c.after.whatChanged }}</dd>
              }
            </dl>
            <heard-plan-compare
              [sections]="c.sections"
              [beforeLabel]="name(c.before)"
              [afterLabel]="name(c.after)"
            />
          }
        }
      }
    </div>
  `,
  styleUrl: './plan-compare-page.scss',
  host: { class: 'heard-page' },
})
export default class PlanComparePage {
  private readonly api = inject(PlanCompareApi);
  private readonly route = inject(ActivatedRoute);

  protected readonly comparison = toSignal(
    this.route.queryParamMap.pipe(
      map((q) => ({ before: q.get('before'), after: q.get('after') })),
      switchMap(({ before, after }) =>
        before && after
          ? this.api.compare(before, after).pipe(
              map((comparison): Comparison => ({ state: 'ready', comparison })),
              catchError((error: unknown) => of<Comparison>({ state: 'failed', problem: toProblem(error) })),
              startWith<Comparison>({ state: 'loading' }),
            )
          : of<Comparison>({ state: 'unasked' }),
      ),
    ),
    { initialValue: { state: 'loading' } as Comparison },
  );

  protected ready(): PlanComparisonResponse | null {
    const c = this.comparison();
    return c.state === 'ready' ? c.comparison : null;
  }

  protected problem(): ProblemDetails | null {
    const c = this.comparison();
    return c.state === 'failed' ? c.problem : null;
  }

  protected readonly name = versionName;
  protected readonly facts = versionFacts;

  protected print(): void {
    window.print();
  }
}
