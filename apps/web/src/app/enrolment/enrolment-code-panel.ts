import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { EnrolmentCodeResponse, ProblemDetails } from '@heard/domain';
import { ProblemAlert } from '@heard/ui';
import { finalize } from 'rxjs';
import { API } from '../core/api-urls';
import { londonTime } from '../core/dates';
import { toProblem } from '../core/problem';

/**
 * An officer's "Give a sign-in code" on a young person's page: a code for the young person to type
 * on their own phone or computer (decision 0019). Shown once, large, in two groups for reading aloud.
 */
@Component({
  selector: 'heard-enrolment-code-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, ProblemAlert],
  template: `
    <section class="panel" aria-labelledby="enrolment-code-heading">
      <h2 id="enrolment-code-heading">Sign-in code</h2>
      <p>For {{ name() }} to sign in to their own pages, on their own phone or computer or just this once.</p>
      <button mat-stroked-button type="button" (click)="give()" [attr.aria-disabled]="busy()">
        Give a sign-in code
      </button>
      <div role="status">
        @if (issued(); as issued) {
          <p class="code" data-testid="enrolment-code">
            {{ issued.code }}
          </p>
          <p>Works until {{ time(issued.expiresAt) }}.</p>
          <p class="note">Read it to them; it works once, for 10 minutes.</p>
        }
      </div>
      @if (problem(); as problem) {
        <heard-problem-alert [problem]="problem" />
      }
    </section>
  `,
  styles: `
    .panel {
      margin: 1.5rem 0;
    }
    .code {
      font-family: ui-monospace, 'Roboto Mono', monospace;
      font-size: 2.5rem;
      font-weight: 700;
      letter-spacing: 0.15em;
      margin: 1rem 0 0.5rem;
      overflow-wrap: anywhere;
    }
    .note {
      font-weight: 600;
    }
  `,
})
export class EnrolmentCodePanel {
  private readonly http = inject(HttpClient);

  readonly youngPersonId = input.required<string>();
  readonly name = input.required<string>();

  protected readonly issued = signal<EnrolmentCodeResponse | null>(null);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly busy = signal(false);

  protected give(): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.problem.set(null);
    this.http
      .post<EnrolmentCodeResponse>(API.enrolmentCodes(this.youngPersonId()), null)
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: (issued) => this.issued.set(issued),
        error: (error: unknown) => {
          this.issued.set(null);
          this.problem.set(toProblem(error));
        },
      });
  }

  protected time(iso: string): string {
    return londonTime(iso);
  }
}
