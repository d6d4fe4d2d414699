import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { CONSENT_PURPOSE_LABELS, INVITATION_STATUS_LABELS } from '@heard/domain';
import type { ActivityConsentMatrix, ConsentFailure, ProblemDetails } from '@heard/domain';
import { EmptyState, ProblemAlert } from '@heard/ui';
import { loadRecord } from '../core/load-record';
import { ActivitiesApi } from './activities-api';
import { youngPeople } from './activity-format';

/** Short words for why a consent is not in place, when the server gives no message. */
export const CONSENT_FAILURE_WORDS: Readonly<Record<ConsentFailure, string>> = {
  missing: 'Missing',
  expired: 'Expired',
  withdrawn: 'Withdrawn',
  wrong_scope: 'Wrong scope',
  wrong_giver: 'Wrong giver',
};

/** "2 young people are missing at least one consent." */
export function missingSummary(matrix: ActivityConsentMatrix): string {
  const missing = matrix.rows.filter((row) => !row.allInPlace).length;
  if (matrix.rows.length === 0) return '';
  if (missing === 0) return 'Everyone invited has every consent this day needs.';
  return `${youngPeople(missing)} ${missing === 1 ? 'is' : 'are'} missing at least one consent.`;
}

/** Who has the consents the day needs: one row per invitee, one column per consent. */
@Component({
  selector: 'heard-activity-consents-tab',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatProgressBarModule, EmptyState, ProblemAlert],
  templateUrl: './activity-consents-tab.html',
  styleUrl: './activity-tabs.scss',
})
export class ActivityConsentsTab {
  readonly activityId = input.required<string>();

  protected readonly matrix = signal<ActivityConsentMatrix | null>(null);
  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly purposeLabels = CONSENT_PURPOSE_LABELS;
  protected readonly statusLabels = INVITATION_STATUS_LABELS;
  protected readonly failureWords = CONSENT_FAILURE_WORDS;
  protected readonly summary = computed(() => {
    const matrix = this.matrix();
    return matrix ? missingSummary(matrix) : '';
  });

  constructor() {
    const api = inject(ActivitiesApi);
    // On a failed load the last matrix stays, but the template shows the problem in its place.
    loadRecord(this.activityId, (id) => api.consents(id), { loading: this.loading, problem: this.problem })
      .pipe(takeUntilDestroyed())
      .subscribe((matrix) => {
        this.matrix.set(matrix);
        this.loading.set(false);
      });
  }
}
