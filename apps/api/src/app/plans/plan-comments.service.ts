import { Injectable } from '@nestjs/common';
import {
  AuditAction,
  AuditRecordType,
  MyPlanComment,
  MyPlanCommentCommand,
  MyPlanResponse,
  PLAN_EDITORS,
  PlanCheck,
  PlanCommentReplyCommand,
  PlanCommentView,
  PlanCommentsResponse,
  PlanSectionKey,
  RaiseWorryFromEvaluationCommand,
  Role,
  WORRY_WORDS_MAX,
  WorryRaisedResponse,
  checkPlanComment,
  checkPlanEdit,
  planSectionsFor,
  wordsToCheck,
} from '@heard/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { DomainError } from '../../platform/errors/domain-error';
import { WorriesService } from '../worries/worries.service';
import { linkedYoungPersonId } from '../young-experts/linked-young-person';
import { VersionRow, contentOf, reachVersion } from './plans.queries';
import { refuse } from './plans.service';

interface CommentRow {
  id: string;
  section: PlanSectionKey;
  words: string;
  at: Date;
  reply: string | null;
  repliedAt: Date | null;
  byId: string | null;
  byName: string | null;
}

const COMMENT_COLUMNS = `c.id, c.section_key AS section, c.words, c.created_at AS at, c.reply,
  c.replied_at AS "repliedAt", c.replied_by AS "byId", u.display_name AS "byName"`;

const iso = (d: Date) => new Date(d).toISOString();

const mine = (c: CommentRow): MyPlanComment => ({
  id: c.id,
  section: c.section,
  words: c.words,
  at: iso(c.at),
  reply: c.reply !== null && c.repliedAt ? { words: c.reply, at: iso(c.repliedAt) } : null,
});

const forStaff = (c: CommentRow): PlanCommentView => ({
  id: c.id,
  section: c.section,
  words: c.words,
  at: iso(c.at),
  reply:
    c.reply !== null && c.repliedAt && c.byId
      ? { words: c.reply, by: { id: c.byId, displayName: c.byName ?? '' }, at: iso(c.repliedAt) }
      : null,
  wordsToCheck: wordsToCheck(c.words),
});

function refused(check: PlanCheck): void {
  if (!check.allowed) throw refuse(check);
}

/**
 * Young experts' comments on the child-friendly text of the plan with them (issue 14 §4,
 * docs/plan.md), and the officer's reply: what was changed because of each. A young expert sees
 * only their own comments; staff see every comment, from "a young expert", never named, as
 * pledge verdicts are shown.
 */
@Injectable()
export class PlanCommentsService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly worries: WorriesService,
  ) {}

  /** The version with young people now (the newest year's, should two be), with their own comments. */
  async myPlan(actor: Actor): Promise<MyPlanResponse> {
    const em = this.db.manager;
    const me = await linkedYoungPersonId(em, actor);
    const [open]: { id: string }[] = await em.query(
      `SELECT v.id FROM plan_versions v JOIN voice_plans p ON p.id = v.plan_id
        WHERE v.status = 'scrutiny' ORDER BY p.year DESC LIMIT 1`,
    );
    if (!open) return { version: null };
    const row = await reachVersion(em, open.id, false);
    const { sections } = await contentOf(em, row);
    const comments = (await this.commentsOn(em, row.id, me)).map(mine);
    return {
      version: {
        id: row.id,
        year: row.year,
        period: row.period,
        sections: sections.map((s) => ({
          key: s.key,
          childFriendly: s.childFriendly,
          comments: comments.filter((c) => c.section === s.key),
        })),
      },
    };
  }

  /** A comment on one section: only while the version is with young people (checkPlanComment). */
  comment(actor: Actor, command: MyPlanCommentCommand): Promise<MyPlanComment> {
    return this.db.transaction(async (em) => {
      const me = await linkedYoungPersonId(em, actor);
      // Locked, so a comment and the move out of scrutiny queue: it lands in scrutiny or is refused.
      const row = await reachVersion(em, command.versionId, true);
      refused(checkPlanComment(row.status));
      if (!planSectionsFor(row.yearOfPlan).includes(command.section))
        throw DomainError.validation('section', 'This plan has no such part.');
      const [{ id }]: { id: string }[] = await em.query(
        `INSERT INTO plan_comments (version_id, section_key, young_person_id, words) VALUES ($1, $2, $3, $4)
         RETURNING id`,
        [row.id, command.section, me, command.words],
      );
      await this.audit.for(actor).record(em, {
        action: AuditAction.Create,
        type: AuditRecordType.PlanVersion,
        id: row.id,
        detail: { event: 'comment', commentId: id, section: command.section },
      });
      const [made] = await this.commentsOn(em, row.id, me, id);
      return mine(made);
    });
  }

  /** Every comment on a version, beside its section, for staff. */
  async comments(actor: Actor, versionId: string): Promise<PlanCommentsResponse> {
    const em = this.db.manager;
    const row = await reachVersion(em, versionId, false);
    return this.staffView(em, row, actor.role);
  }

  /** The officer's reply; a second one replaces the first while the texts can still change. */
  reply(
    actor: Actor,
    versionId: string,
    commentId: string,
    command: PlanCommentReplyCommand,
  ): Promise<PlanCommentsResponse> {
    return this.db.transaction(async (em) => {
      const row = await reachVersion(em, versionId, true);
      const [found]: { id: string }[] = await em.query(
        `SELECT id FROM plan_comments WHERE id = $1 AND version_id = $2 FOR UPDATE`,
        [commentId, versionId],
      );
      if (!found) throw DomainError.notFound('This comment');
      refused(checkPlanEdit(row.status));
      await em.query(
        `WITH answered AS (UPDATE plan_comments SET reply = $2, replied_by = $3, replied_at = clock_timestamp()
                             WHERE id = $1 RETURNING id)
         SELECT id FROM answered`,
        [commentId, command.words, actor.userId],
      );
      await this.audit.for(actor).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.PlanVersion,
        id: versionId,
        detail: { event: 'comment_reply', commentId },
      });
      return this.staffView(em, row, actor.role);
    });
  }

  /**
   * A worry in a young expert's comment goes to the safeguarding contacts at once, naming the young
   * person who wrote it (the staff pages never name them; the contacts must). The comment's own
   * words unless the officer writes the worry down themselves. At every stage of the plan: a worry
   * does not wait for the workflow.
   */
  raiseWorry(
    actor: Actor,
    versionId: string,
    commentId: string,
    command: RaiseWorryFromEvaluationCommand,
  ): Promise<WorryRaisedResponse> {
    return this.db.transaction(async (em) => {
      await reachVersion(em, versionId, false);
      const [comment]: { youngPersonId: string; words: string }[] = await em.query(
        `SELECT young_person_id AS "youngPersonId", words FROM plan_comments WHERE id = $1 AND version_id = $2`,
        [commentId, versionId],
      );
      if (!comment) throw DomainError.notFound('This comment');
      return this.worries.raise(
        actor,
        {
          words: command.words ?? comment.words.slice(0, WORRY_WORDS_MAX),
          source: { kind: 'plan_comment', id: commentId },
          occasion: null,
          youngPersonId: comment.youngPersonId,
        },
        em,
      );
    });
  }

  private async staffView(em: EntityManager, row: VersionRow, role: Role): Promise<PlanCommentsResponse> {
    const { sections } = await contentOf(em, row);
    const comments = (await this.commentsOn(em, row.id, null)).map(forStaff);
    return {
      versionId: row.id,
      status: row.status,
      mayReply: (PLAN_EDITORS as readonly Role[]).includes(role) && checkPlanEdit(row.status).allowed,
      sections: sections.map((s) => ({
        key: s.key,
        childFriendly: s.childFriendly,
        comments: comments.filter((c) => c.section === s.key),
      })),
    };
  }

  /** The comments on a version: one young person's when `youngPersonId` is set, else everyone's. */
  private commentsOn(
    em: EntityManager,
    versionId: string,
    youngPersonId: string | null,
    onlyId: string | null = null,
  ): Promise<CommentRow[]> {
    const params: (string | null)[] = [versionId, youngPersonId, onlyId];
    return em.query(
      `SELECT ${COMMENT_COLUMNS}
         FROM plan_comments c LEFT JOIN users u ON u.id = c.replied_by
        WHERE c.version_id = $1 AND ($2::uuid IS NULL OR c.young_person_id = $2::uuid)
          AND ($3::uuid IS NULL OR c.id = $3::uuid)
        ORDER BY c.created_at, c.id`,
      params,
    );
  }
}
