import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { FEWER_THAN_FIVE, planRecordPath } from '@heard/domain';
import type { PlanFigureRecord, PlanFigureRecordsResponse, ProblemDetails, ShownCount } from '@heard/domain';
import { PageHeader, ProblemAlert } from '@heard/ui';
import { finalize, map } from 'rxjs';
import { toProblem } from '../core/problem';
import { PLANS_URL } from './plans-api';

const shown = (count: ShownCount) => (count === null ? FEWER_THAN_FIVE : String(count));

/**
 * What one figure of section C counts (docs/plan.md "Figure links"): the actions, items, pledges
 * and days behind it, each linked to its page; for a count of young people, the groups, days,
 * tools or codes with their counts as the plan shows them, and never a young person.
 */
@Component({
  selector: 'heard-plan-figure-records-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatProgressBarModule, RouterLink, PageHeader, ProblemAlert],
  host: { class: 'heard-page' },
  template: `
    <heard-page-header [heading]="heading()" [subtitle]="subtitle()" />
    <p>
      <a [routerLink]="back().path">{{ back().words }}</a>
    </p>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" aria-label="Loading what this figure counts" />
    } @else if (problem(); as problem) {
      <heard-problem-alert [problem]="problem" />
    } @else if (answer(); as a) {
      @if (a.ofYoungPeople) {
        <p>
          This figure counts young people, so it lists the groups, days, tools or codes behind it with their
          counts, not the young people. Counts under 5 read “{{ fewerThanFive }}”.
        </p>
      }
      @if (a.records.length === 0) {
        <p>There is nothing behind this figure: it counts nothing.</p>
      } @else {
        <ul class="heard-records">
          @for (r of a.records; track $index) {
            <li>
              @if (r.link) {
                <a [routerLink]="path(r.link)">{{ r.label }}</a
                >{{ countWords(r) }}
              } @else {
                <span>{{ r.label }}{{ countWords(r) }}</span>
              }
              @if (r.detail) {
                <br /><span class="detail">{{ r.detail }}</span>
              }
            </li>
          }
        </ul>
        @if (a.more > 0) {
          <p>And {{ a.more }} more, not listed here.</p>
        }
      }
    }
  `,
})
export default class PlanFigureRecordsPage {
  private readonly http = inject(HttpClient);
  private readonly query = toSignal(inject(ActivatedRoute).queryParamMap, { requireSync: true });

  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly answer = signal<PlanFigureRecordsResponse | null>(null);
  protected readonly fewerThanFive = FEWER_THAN_FIVE;
  /** A count of young people after its row's name; nothing for a record. */
  protected countWords(r: PlanFigureRecord): string {
    return r.count === undefined ? '' : `: ${shown(r.count)}`;
  }
  protected readonly path = planRecordPath;

  protected readonly heading = computed(() => this.query().get('label') || 'What a figure counts');
  protected readonly subtitle = computed(() => {
    const a = this.answer();
    return a ? `The plan shows ${shown(a.value)}.` : '';
  });
  protected readonly back = computed(() => {
    const version = this.query().get('version');
    return version
      ? { path: `/plans/versions/${encodeURIComponent(version)}`, words: 'Back to the plan version' }
      : { path: '/plans', words: 'Back to every year’s plan' };
  });

  constructor() {
    inject(ActivatedRoute)
      .queryParamMap.pipe(
        map((q) => q.get('ref') ?? ''),
        takeUntilDestroyed(),
      )
      .subscribe((ref) => {
        this.loading.set(true);
        this.problem.set(null);
        this.http
          .get<PlanFigureRecordsResponse>(`${PLANS_URL}/figures/records`, { params: { ref } })
          .pipe(finalize(() => this.loading.set(false)))
          .subscribe({
            next: (a) => this.answer.set(a),
            error: (error: unknown) => this.problem.set(toProblem(error)),
          });
      });
  }
}
