import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { FunnelResponse, ProblemDetails } from '@heard/domain';
import { ProblemAlert } from '@heard/ui';
import { loadRecord } from '../core/load-record';
import { ActivitiesApi } from './activities-api';
import { FunnelDetails } from './funnel-details';

/** Invited → said yes → came, for one activity day. */
@Component({
  selector: 'heard-activity-funnel-tab',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatProgressBarModule, ProblemAlert, FunnelDetails],
  template: `
    <div class="tab">
      <h2>Funnel</h2>
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading the funnel" />
      } @else if (problem(); as problem) {
        <heard-problem-alert [problem]="problem" />
        <p>Reload the page to try again.</p>
      } @else if (funnel(); as funnel) {
        <heard-funnel-details [funnel]="funnel" />
      }
    </div>
  `,
  styleUrl: './activity-tabs.scss',
})
export class ActivityFunnelTab {
  readonly activityId = input.required<string>();

  protected readonly funnel = signal<FunnelResponse | null>(null);
  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemDetails | null>(null);

  constructor() {
    const api = inject(ActivitiesApi);
    // On a failed load the last funnel stays, but the template shows the problem in its place.
    loadRecord(this.activityId, (id) => api.funnel(id), { loading: this.loading, problem: this.problem })
      .pipe(takeUntilDestroyed())
      .subscribe((funnel) => {
        this.funnel.set(funnel);
        this.loading.set(false);
      });
  }
}
