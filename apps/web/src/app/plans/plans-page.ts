import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { PLAN_EDITORS, todayInLondon } from '@heard/domain';
import type { PlanSummary, ProblemDetails } from '@heard/domain';
import { EmptyState, PageHeader, ProblemAlert } from '@heard/ui';
import { finalize } from 'rxjs';
import { toProblem } from '../core/problem';
import { SessionService } from '../core/session.service';
import { periodWords, versionWords } from './plan-words';
import { PlansApi } from './plans-api';

/**
 * The council's year a plan is named by (April to March): before April it is still last year's.
 * The next plan to start is this year's, or the one after the newest held.
 */
export function nextPlanYear(plans: readonly Pick<PlanSummary, 'year'>[], today: string): number {
  const [year, month] = today.split('-').map(Number);
  const thisYear = month >= 4 ? year : year - 1;
  const newest = Math.max(...plans.map((p) => p.year));
  return plans.some((p) => p.year === thisYear) ? Math.max(thisYear, newest) + 1 : thisYear;
}

/** Each year's plan with its versions and their statuses; an officer starts the next year's here. */
@Component({
  selector: 'heard-plans-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule, RouterLink, EmptyState, PageHeader, ProblemAlert],
  templateUrl: './plans-page.html',
  styleUrl: './plans.scss',
  host: { class: 'heard-page' },
})
export default class PlansPage {
  private readonly api = inject(PlansApi);
  private readonly router = inject(Router);
  private readonly session = inject(SessionService);

  protected readonly plans = signal<PlanSummary[]>([]);
  protected readonly loading = signal(true);
  protected readonly starting = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly startProblem = signal<ProblemDetails | null>(null);
  protected readonly periodWords = periodWords;
  protected readonly versionWords = versionWords;

  protected readonly mayStart = computed(() => {
    const role = this.session.user()?.role;
    return role !== undefined && (PLAN_EDITORS as readonly string[]).includes(role);
  });
  protected readonly nextYear = computed(() => nextPlanYear(this.plans(), todayInLondon()));

  constructor() {
    this.api
      .list()
      .pipe(
        finalize(() => this.loading.set(false)),
        takeUntilDestroyed(),
      )
      .subscribe({
        next: (list) => this.plans.set(list.plans),
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }

  protected start(): void {
    if (this.starting()) return;
    this.starting.set(true);
    this.startProblem.set(null);
    this.api
      .start(this.nextYear())
      .pipe(finalize(() => this.starting.set(false)))
      .subscribe({
        next: (version) => void this.router.navigate(['/plans/versions', version.id]),
        error: (error: unknown) => this.startProblem.set(toProblem(error)),
      });
  }
}
