import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { instantInWords } from '@heard/domain';
import type { ProblemDetails, ToPassOnEntry } from '@heard/domain';
import { EmptyState, PageHeader, ProblemAlert } from '@heard/ui';
import { finalize } from 'rxjs';
import { toProblem } from '../core/problem';
import { ActionLogLoopApi } from './action-log-loop-api';

/**
 * What became of what a young person said, for their trusted adult to pass on: the message as the
 * officer wrote it, and a button to say it has been passed on.
 */
@Component({
  selector: 'heard-to-pass-on-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule, EmptyState, PageHeader, ProblemAlert],
  templateUrl: './to-pass-on-page.html',
  styleUrl: './to-pass-on-page.scss',
  host: { class: 'heard-page' },
})
export default class ToPassOnPage {
  private readonly api = inject(ActionLogLoopApi);

  protected readonly entries = signal<ToPassOnEntry[]>([]);
  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly status = signal<string | null>(null);
  protected readonly passing = signal<string | null>(null);
  protected readonly passProblem = signal<{ id: string; problem: ProblemDetails } | null>(null);
  protected readonly when = (at: string) => instantInWords(new Date(at));

  constructor() {
    this.api
      .toPassOn()
      .pipe(
        finalize(() => this.loading.set(false)),
        takeUntilDestroyed(),
      )
      .subscribe({
        next: (entries) => this.entries.set(entries),
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }

  protected passed(entry: ToPassOnEntry): void {
    if (this.passing()) return;
    this.passing.set(entry.tellingId);
    this.passProblem.set(null);
    this.api
      .passed(entry.tellingId)
      .pipe(finalize(() => this.passing.set(null)))
      .subscribe({
        next: () => {
          this.entries.update((list) => list.filter((one) => one.tellingId !== entry.tellingId));
          this.status.set(`Thank you. ${entry.youngPerson.preferredName}’s message is marked as passed on.`);
        },
        error: (error: unknown) => this.passProblem.set({ id: entry.tellingId, problem: toProblem(error) }),
      });
  }
}
