import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import type { ProblemDetails, ToReadOutEntry } from '@heard/domain';
import { ProblemAlert } from '@heard/ui';
import { toProblem } from '../core/problem';
import { ActionLogLoopApi } from './action-log-loop-api';

/**
 * On a group session's page: what became of what the group (or its members) said, to read out at
 * the session. Shows nothing when there is nothing to read out.
 */
@Component({
  selector: 'heard-session-to-read-out',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ProblemAlert],
  template: `
    @if (problem(); as problem) {
      <heard-problem-alert [problem]="problem" />
    } @else if (entries().length > 0) {
      <section class="to-read-out" aria-labelledby="to-read-out-heading">
        <h2 id="to-read-out-heading">To read out: you said, we did</h2>
        <p class="help">
          Read these out at the session. They tell the group what happened after they spoke to us.
        </p>
        <ol class="messages">
          @for (entry of entries(); track entry.tellingId) {
            <li class="message">{{ entry.message }}</li>
          }
        </ol>
      </section>
    }
  `,
  styles: `
    .message {
      white-space: pre-line;
      margin-bottom: 12px;
    }
  `,
})
export class HeardSessionToReadOut {
  private readonly api = inject(ActionLogLoopApi);

  readonly sessionId = input.required<string>();

  protected readonly entries = signal<ToReadOutEntry[]>([]);
  protected readonly problem = signal<ProblemDetails | null>(null);

  constructor() {
    effect((onCleanup) => {
      const loading = this.api.toReadOut(this.sessionId()).subscribe({
        next: (entries) => this.entries.set(entries),
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
      onCleanup(() => loading.unsubscribe());
    });
  }
}
