import { DraftedQuote, PlanPeriod, ReportData } from '@heard/domain';
import { DataSource } from 'typeorm';
import { boardQuotesInForce } from '../action-log/board-quotes';
import { FunnelService } from '../activities/funnel.service';
import { ConsentService } from '../consent/consent.service';
import { actionCounts } from '../leaders/action-counts.queries';
import { youngExpertRatings } from '../leaders/response-ratings.queries';
import { activityDaysOf, loopsOf, toolsOf } from '../plans/plan-figures.queries';

/**
 * What a report is drafted from (docs/reports.md): every figure read by the query that already
 * counts it elsewhere: actions by theme and service as the leaders' view and the plan count them,
 * loops, activity days and practice tools as the plan's section C, the young experts' ratings as the
 * leaders' view, and quotes as the public board chooses them (consent in force today).
 */
export async function reportData(
  db: DataSource,
  funnels: FunnelService,
  consent: ConsentService,
  period: PlanPeriod,
  now: Date,
): Promise<ReportData> {
  const [byTheme, [all], byService, loops, review, activityDays, practiceTools, quotes] = await Promise.all([
    actionCounts(db, 'theme', period, period.to, 'periodEnd'),
    actionCounts(db, 'all', period, period.to, 'periodEnd'),
    actionCounts(db, 'service', period, period.to, 'periodEnd'),
    loopsOf(db, period),
    youngExpertRatings(db, period),
    activityDaysOf(db, funnels, period),
    toolsOf(db, period),
    boardQuotesInForce(db.manager, consent, now, period),
  ]);
  return {
    period,
    actionsByTheme: byTheme.map((r) => ({
      themeId: r.id,
      label: r.label,
      done: r.done,
      open: r.open,
      cant: r.cant,
    })),
    actionsTotal: { done: all?.done ?? 0, open: all?.open ?? 0, cant: all?.cant ?? 0 },
    actionsByService: byService.map((r) => ({ label: r.label, done: r.done, open: r.open, cant: r.cant })),
    loops,
    // The counts only: a rating's comment is never printed in a report (ReportData.review).
    review: { answered: review.answered, faces: review.faces },
    activityDays,
    practiceTools,
    quotes: quotes.map((q) => ({ quoteId: q.quoteId, theme: q.theme, words: q.words })),
  };
}

/**
 * The drafted quotes that may no longer be shown: taken off the board, erased, or their young
 * person's quote consent no longer in force, as the public board decides it at `now`. A file is
 * made without them, and a file made before one of them stopped being shareable is not given out.
 */
export async function quotesNoLongerShown(
  db: DataSource,
  consent: ConsentService,
  now: Date,
  drafted: readonly DraftedQuote[],
): Promise<DraftedQuote[]> {
  if (drafted.length === 0) return [];
  const inForce = new Set((await boardQuotesInForce(db.manager, consent, now)).map((q) => q.quoteId));
  return drafted.filter((q) => !inForce.has(q.quoteId));
}
