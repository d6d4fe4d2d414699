import { z } from 'zod';
import { Role } from '../roles/role';
import { addDays, IsoDate, isIsoDate } from '../shared/dates';
import { isoDateSchema } from '../shared/schemas';
import { ShownCount } from '../shared/small-numbers';
import type { Rating } from '../evaluations/evaluation-rules';

/**
 * The senior leaders' view (issue 13 §3, docs/leaders-view.md): aggregates of the action log, the
 * young experts' ratings and the funnel for a period. Participation officers may open it too, to
 * see what their leaders see.
 */
export const LEADERS_VIEW_READERS = [Role.SeniorLeader, Role.ParticipationOfficer] as const;

/** The longest period the view covers at once: two years, so one request cannot scan the whole history. */
export const LEADERS_VIEW_MAX_DAYS = 731;

export const LeadersViewQuerySchema = z
  .object({ from: isoDateSchema, to: isoDateSchema })
  .strict()
  .refine((q) => q.to >= q.from, { message: 'The end of the period is before its start.', path: ['to'] })
  // Zod runs this even when a date above failed its own check: only real dates are measured.
  .refine((q) => !isIsoDate(q.from) || q.to <= addDays(q.from, LEADERS_VIEW_MAX_DAYS - 1), {
    message: 'Choose a period of at most two years.',
    path: ['to'],
  });
export type LeadersViewQuery = z.output<typeof LeadersViewQuerySchema>;

/**
 * Actions answering the items of one theme or one service. Counts of the council's own work, not of
 * young people, so they are shown whole: open and overdue as they stand today; done and can't in
 * the period. An action answering items of two themes counts once under each.
 */
export interface ActionCounts {
  /** The theme's or service's name; null for items recorded without one. */
  label: string | null;
  open: number;
  overdue: number;
  done: number;
  cant: number;
}

/** A young expert's rating of how the council responded, with their comment: never their name. */
export interface RatedResponse {
  rating: Rating;
  comment: string;
  theme: string | null;
  ratedOn: IsoDate;
}

export interface LeadersView {
  from: IsoDate;
  to: IsoDate;
  actionsByTheme: ActionCounts[];
  actionsByService: ActionCounts[];
  /** Items whose latest answer has not yet reached the young people who spoke, today. */
  loopsNotClosed: { total: number; byTheme: { label: string | null; count: number }[] };
  /**
   * The Young Experts' Evaluation in the period. Counts of young people's ratings, so each is a
   * ShownCount; the comments are shown only when at least five rated, so no comment can be matched
   * to the one or two young experts who rated that period.
   */
  ratings: {
    answered: ShownCount;
    faces: { rating: Rating; count: ShownCount }[];
    comments: RatedResponse[];
  };
  /** Invited, said yes and came, for occasions in the period: counts of young people. */
  funnel: { invited: ShownCount; accepted: ShownCount; attended: ShownCount };
}
