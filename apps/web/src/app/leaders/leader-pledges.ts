import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { PLEDGE_STATUS_RULES, addDays, todayInLondon } from '@heard/domain';
import type { PledgeSummary, ProblemDetails } from '@heard/domain';
import { ProblemAlert } from '@heard/ui';
import { shortDate } from '../core/dates';
import { toProblem } from '../core/problem';
import { PledgesApi } from '../pledges/pledges-api';
import { flagWords } from '../pledges/pledge-words';

/** How far ahead an update counts as due on the home page: the week the reminder mail covers at most. */
export const DUE_WITHIN_DAYS = 7;

export interface PledgesNeedingYou {
  toConfirm: PledgeSummary[];
  due: PledgeSummary[];
  differing: PledgeSummary[];
}

/**
 * A leader's own pledges that need them now: those recorded for them to confirm, those taking
 * updates whose next update is due within the week (or overdue), and those whose two colours differ.
 */
export function pledgesNeedingYou(pledges: readonly PledgeSummary[], today: string): PledgesNeedingYou {
  const horizon = addDays(today, DUE_WITHIN_DAYS);
  return {
    toConfirm: pledges.filter((p) => p.unconfirmed && p.status === 'unconfirmed'),
    due: pledges
      .filter((p) => PLEDGE_STATUS_RULES[p.status].takesUpdates && p.nextUpdateDue <= horizon)
      .sort((a, b) => a.nextUpdateDue.localeCompare(b.nextUpdateDue)),
    differing: pledges.filter((p) => p.ratings.flagged),
  };
}

/** The top of a senior leader's view: their pledges that need them, each linking to the pledge. */
@Component({
  selector: 'heard-leader-pledges',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, ProblemAlert],
  template: `
    <section aria-labelledby="your-pledges-heading">
      <h3 id="your-pledges-heading">Your pledges</h3>
      @if (problem(); as problem) {
        <heard-problem-alert [problem]="problem" />
      } @else if (needs(); as needs) {
        @if (total() === 0) {
          <p>You have no pledges yet. When you make one, or one is recorded for you, it shows here.</p>
        } @else {
          @if (needs.toConfirm.length > 0) {
            <h4 id="pledges-to-confirm">Waiting for you to confirm</h4>
            <ul aria-labelledby="pledges-to-confirm">
              @for (p of needs.toConfirm; track p.id) {
                <li>
                  <a [routerLink]="['/pledges', p.id]">{{ p.words }}</a> ({{ p.forum }})
                </li>
              }
            </ul>
          }
          <h4 id="pledges-due">Updates due</h4>
          @if (needs.due.length === 0) {
            <p>No update is due in the next {{ dueWithin }} days.</p>
          } @else {
            <ul aria-labelledby="pledges-due">
              @for (p of needs.due; track p.id) {
                <li>
                  <a [routerLink]="['/pledges', p.id]">{{ p.words }}</a> Update due
                  {{ date(p.nextUpdateDue) }}.
                </li>
              }
            </ul>
          }
          @if (needs.differing.length > 0) {
            <h4 id="pledges-differing">Where the young people see it differently</h4>
            <ul aria-labelledby="pledges-differing">
              @for (p of needs.differing; track p.id) {
                <li>
                  <a [routerLink]="['/pledges', p.id]">{{ p.words }}</a> {{ flag(p) }}
                </li>
              }
            </ul>
          }
          <p>
            <a routerLink="/pledges">All your pledges ({{ total() }})</a>
          </p>
        }
      }
    </section>
  `,
  styles: `
    h3 {
      margin: 24px 0 8px;
      font: var(--mat-sys-title-medium);
    }
    h4 {
      margin: 16px 0 8px;
      font: var(--mat-sys-title-small);
    }
    li {
      margin-block-end: 6px;
      max-width: 70ch;
    }
  `,
})
export class LeaderPledges {
  private readonly all = signal<PledgeSummary[] | null>(null);
  protected readonly total = signal(0);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly needs = computed(() => {
    const all = this.all();
    return all ? pledgesNeedingYou(all, todayInLondon()) : null;
  });
  protected readonly dueWithin = DUE_WITHIN_DAYS;
  protected readonly date = shortDate;
  protected readonly flag = (p: PledgeSummary) => flagWords(p.ratings) ?? '';

  constructor() {
    // A leader's own pledges (the API decides whose): the most a list page holds, which is far more
    // than one leader makes.
    inject(PledgesApi)
      .list(1, 50)
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (list) => {
          this.all.set(list.pledges);
          this.total.set(list.total);
        },
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }
}
