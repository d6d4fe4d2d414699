import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { INVITATION_TARGET_KINDS, addDays, todayInLondon } from '@heard/domain';
import type { FunnelResponse, InvitationTargetKind, ProblemDetails } from '@heard/domain';
import { PageHeader, ProblemAlert } from '@heard/ui';
import { BehaviorSubject, catchError, of, switchMap, tap } from 'rxjs';
import { applyServerErrors, toProblem } from '../core/problem';
import { ActivitiesApi } from '../activities/activities-api';
import { FunnelDetails } from '../activities/funnel-details';
import { longDate } from '../core/dates';
import { periodOrderValidator } from '../young-people/young-person-form';

/** The last 12 months up to today: from the same date a year ago, plus a day. */
export function lastTwelveMonths(today: string = todayInLondon()): { from: string; to: string } {
  const [year, rest] = [Number(today.slice(0, 4)), today.slice(4)];
  const yearAgo = rest === '-02-29' ? `${year - 1}-02-28` : `${year - 1}${rest}`;
  return { from: addDays(yearAgo, 1), to: today };
}

/** Each kind of occasion the period's figures count, as the page names them; a new kind must be named here. */
const OCCASION_WORDS: Readonly<Record<InvitationTargetKind, string>> = {
  activity_day: 'activity days',
  group_session: 'group sessions',
  one_to_one: 'one-to-ones',
  review_meeting: 'review meetings',
};

/** "activity days, group sessions, one-to-ones and review meetings" */
export const OCCASIONS_COUNTED = ((words: string[]) =>
  `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`)(
  INVITATION_TARGET_KINDS.map((kind) => OCCASION_WORDS[kind]),
);

/**
 * Invited → said yes → came in a period, with who said no and why. The API counts every invitation
 * whose day falls in the period, whatever it was for, so the page says which kinds those are.
 */
@Component({
  selector: 'heard-funnel-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    PageHeader,
    ProblemAlert,
    FunnelDetails,
  ],
  templateUrl: './funnel-page.html',
  styleUrl: './funnel-page.scss',
  host: { class: 'heard-page' },
})
export default class FunnelPage {
  private readonly api = inject(ActivitiesApi);
  private readonly load$ = new BehaviorSubject<{ from: string; to: string }>(lastTwelveMonths());

  protected readonly form = new FormGroup(
    {
      from: new FormControl(lastTwelveMonths().from, {
        nonNullable: true,
        validators: [Validators.required],
      }),
      to: new FormControl(lastTwelveMonths().to, { nonNullable: true, validators: [Validators.required] }),
    },
    { validators: [periodOrderValidator] },
  );

  protected readonly fieldLabels = { from: 'From', to: 'To' };
  protected readonly subtitle = `How many young people were invited, said yes and came, counting ${OCCASIONS_COUNTED}.`;
  protected readonly funnel = signal<FunnelResponse | null>(null);
  protected readonly loading = signal(true);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly period = computed(() => {
    const funnel = this.funnel();
    return funnel?.from && funnel.to ? `From ${longDate(funnel.from)} to ${longDate(funnel.to)}` : '';
  });

  constructor() {
    this.load$
      .pipe(
        tap(() => {
          this.loading.set(true);
          this.problem.set(null);
        }),
        switchMap(({ from, to }) =>
          this.api.funnelOver(from, to).pipe(
            catchError((error: unknown) => {
              const problem = toProblem(error);
              this.problem.set(problem);
              applyServerErrors(this.form, problem);
              return of(null);
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((funnel) => {
        this.funnel.set(funnel);
        this.loading.set(false);
      });
  }

  protected show(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.load$.next(this.form.getRawValue());
  }
}
