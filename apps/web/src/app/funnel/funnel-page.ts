import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { INVITATION_TARGET_KINDS } from '@heard/domain';
import type { FunnelResponse, InvitationTargetKind } from '@heard/domain';
import { PageHeader, ProblemAlert } from '@heard/ui';
import { ActivitiesApi } from '../activities/activities-api';
import { FunnelDetails } from '../activities/funnel-details';
import { longDate } from '../core/dates';
import { PeriodFigures } from '../period/period';
import { PERIOD_FIELD_LABELS, PeriodPicker } from '../period/period-picker';
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
  imports: [MatProgressBarModule, PageHeader, PeriodPicker, ProblemAlert, FunnelDetails],
  templateUrl: './funnel-page.html',
  styleUrl: './funnel-page.scss',
  host: { class: 'heard-page' },
})
export default class FunnelPage {
  private readonly api = inject(ActivitiesApi);
  protected readonly figures = new PeriodFigures<FunnelResponse>(({ from, to }) =>
    this.api.funnelOver(from, to),
  );

  protected readonly fieldLabels = PERIOD_FIELD_LABELS;
  protected readonly subtitle = `How many young people were invited, said yes and came, counting ${OCCASIONS_COUNTED}.`;
  protected readonly funnel = this.figures.figures;
  protected readonly loading = this.figures.loading;
  protected readonly problem = this.figures.problem;
  protected readonly period = computed(() => {
    const funnel = this.funnel();
    return funnel?.from && funnel.to ? `From ${longDate(funnel.from)} to ${longDate(funnel.to)}` : '';
  });

  constructor() {
    this.figures.loads$.pipe(takeUntilDestroyed()).subscribe();
  }
}
