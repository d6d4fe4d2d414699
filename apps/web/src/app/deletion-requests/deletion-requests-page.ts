import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { DeletionRequestResponse, ProblemDetails } from '@heard/domain';
import { MAX_DELETION_WHAT } from '@heard/domain';
import { EmptyState, PageHeader, ProblemAlert } from '@heard/ui';
import { londonDate, longDate } from '../core/dates';
import { toProblem } from '../core/problem';
import { DeletionRequestsApi } from './deletion-requests-api';

/**
 * Young experts' requests to delete something Heard holds about them, oldest first. An officer
 * decides, does what is right (deleting is its own deliberate act elsewhere), then records the
 * answer here; the young person reads it on their "My data" page and the request leaves this list.
 */
@Component({
  selector: 'heard-deletion-requests-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    EmptyState,
    PageHeader,
    ProblemAlert,
  ],
  templateUrl: './deletion-requests-page.html',
  host: { class: 'heard-page' },
})
export default class DeletionRequestsPage {
  private readonly api = inject(DeletionRequestsApi);

  protected readonly requests = signal<DeletionRequestResponse[]>([]);
  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly status = signal<string | null>(null);
  protected readonly busy = signal<string | null>(null);
  protected readonly rowProblem = signal<{ id: string; problem: ProblemDetails } | null>(null);
  protected readonly maxLength = MAX_DELETION_WHAT;
  protected readonly date = (instant: string) => longDate(londonDate(instant));

  constructor() {
    this.api
      .open()
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (list) => {
          this.requests.set(list);
          this.loading.set(false);
        },
        error: (e: unknown) => {
          this.problem.set(toProblem(e));
          this.loading.set(false);
        },
      });
  }

  protected answer(request: DeletionRequestResponse, outcome: string): void {
    this.rowProblem.set(null);
    this.busy.set(request.id);
    this.api.handled(request.id, { outcome }).subscribe({
      next: () => {
        this.busy.set(null);
        this.requests.update((list) => list.filter((r) => r.id !== request.id));
        this.status.set(
          `Answered ${request.youngPerson.preferredName}’s request. They can read your answer.`,
        );
      },
      error: (e: unknown) => {
        this.busy.set(null);
        this.rowProblem.set({ id: request.id, problem: toProblem(e) });
      },
    });
  }
}
