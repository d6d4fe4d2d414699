import { z } from 'zod';
import { uuidSchema } from '../shared/schemas';
import type { PlanPeriod } from './plan-assembly';
import type { PlanSectionKey } from './plan-sections';
import type { PlanDocument } from './plan-text';
import type { PlanStatus } from './plan-workflow';
import { planSectionKeySchema, type PlanPerson } from './plans.contract';

/**
 * Young experts' comments on the child-friendly text of a plan in scrutiny, section by section, and
 * the officer's reply saying what was changed because of each (issue 14 §4; docs/plan.md). Who may
 * comment when is checkPlanComment's; who may reply when is checkPlanEdit's (the texts can still change).
 */

export const MAX_PLAN_COMMENT = 1000;
export const MAX_PLAN_REPLY = 2000;

const said = (missing: string, max: number) =>
  z.string({ error: missing }).trim().min(1, missing).max(max, `Keep this under ${max} characters.`);

/** A young expert's comment on one section of the version with young people now. */
export const MyPlanCommentRequestSchema = z
  .object({
    versionId: uuidSchema,
    section: planSectionKeySchema,
    words: said('Write what you think about this part.', MAX_PLAN_COMMENT),
  })
  .strict();
export type MyPlanCommentRequest = z.input<typeof MyPlanCommentRequestSchema>;
export type MyPlanCommentCommand = z.output<typeof MyPlanCommentRequestSchema>;

/** The officer's reply: what was changed because of the comment (or why nothing was). */
export const PlanCommentReplyRequestSchema = z
  .object({ words: said('Say what was changed because of this comment.', MAX_PLAN_REPLY) })
  .strict();
export type PlanCommentReplyRequest = z.input<typeof PlanCommentReplyRequestSchema>;
export type PlanCommentReplyCommand = z.output<typeof PlanCommentReplyRequestSchema>;

/** A young expert's own comment, and what was changed because of it. The officer is not named. */
export interface MyPlanComment {
  id: string;
  section: PlanSectionKey;
  words: string;
  at: string;
  reply: { words: string; at: string } | null;
}

export interface MyPlanSection {
  key: PlanSectionKey;
  childFriendly: PlanDocument;
  /** Only this young expert's own comments: others' words are theirs. */
  comments: MyPlanComment[];
}

/** The plan with young people now, as a young expert's page shows it; null when none is. */
export interface MyPlanResponse {
  version: {
    id: string;
    year: number;
    period: PlanPeriod;
    sections: MyPlanSection[];
  } | null;
}

/** A comment as staff see it: from "a young expert", never named (as pledge verdicts are shown). */
export interface PlanCommentView {
  id: string;
  section: PlanSectionKey;
  words: string;
  at: string;
  reply: { words: string; by: PlanPerson; at: string } | null;
  /**
   * Words in the comment that may show the young person is unsafe (wordsToCheck): a prompt for the
   * officer to look again and raise a worry if there is one, never a worry by itself.
   */
  wordsToCheck: string[];
}

export interface PlanCommentsSection {
  key: PlanSectionKey;
  childFriendly: PlanDocument;
  comments: PlanCommentView[];
}

/** Every comment on a version, each beside the section it is about. */
export interface PlanCommentsResponse {
  versionId: string;
  status: PlanStatus;
  /** Whether this reader may reply now (an officer, while the texts can still change). */
  mayReply: boolean;
  sections: PlanCommentsSection[];
}
