import { Injectable } from '@nestjs/common';
import {
  AuditAction,
  AuditDetailValue,
  AuditRecordType,
  PlanCheck,
  PlanCommitmentsCommand,
  PlanComparisonResponse,
  PlanCorrectionCommand,
  PlanCreateCommand,
  PlanListResponse,
  PlanLundyAnswerCommand,
  PlanMoveCommand,
  PlanSectionCommand,
  PlanSectionKey,
  PlanStatus,
  PlanVersionResponse,
  checkNewPlanVersion,
  checkPlanEdit,
  checkPlanMove,
  nextPlanVersionNumber,
  planGaps,
  planPeriodOfYear,
  planSectionsFor,
  supersededByPublishing,
} from '@heard/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import { PlanPicturesService } from './plan-pictures.service';
import { Actor } from '../../platform/auth/auth-context';
import { DomainError } from '../../platform/errors/domain-error';
import { ActionLogActionsService } from '../action-log/action-log-actions.service';
import { assertCurrentListEntries } from '../action-log/action-log-items.queries';
import { enqueuePlanDocuments } from './plan-documents';
import {
  VersionRow,
  allVersionRows,
  checkCommitmentOwner,
  checkUnchanged,
  compareSections,
  contentOf,
  everyVersion,
  noteMove,
  planContentOf,
  reachVersion,
  touchVersion,
  versionResponse,
  versionSummary,
} from './plans.queries';

/** A refusal of plan-workflow.ts as problem+json: of the person 403, of the state 409, of the words 400. */
export function refuse(check: Exclude<PlanCheck, { allowed: true }>): DomainError {
  if (check.field === 'role') return new DomainError('forbidden', check.message);
  if (check.field === 'status') return new DomainError('conflict', check.message);
  return DomainError.validation(check.field, check.message);
}

/**
 * The annual voice plan (docs/plan.md "Storage and API"): officers draft a year's plan, young
 * people scrutinise it, a senior leader approves it, an officer publishes it and each commitment
 * becomes a We will; a correction is a new version. The rules are plan-workflow.ts's and
 * plan-sections.ts's; this service reads, locks, writes and audits, each change in one transaction.
 */
@Injectable()
export class PlansService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly actions: ActionLogActionsService,
    private readonly pictures: PlanPicturesService,
  ) {}

  async list(): Promise<PlanListResponse> {
    const versions = await everyVersion(this.db.manager);
    const plans = [...new Map(versions.map((v) => [v.planId, v])).values()];
    return {
      plans: plans.map((p) => ({
        id: p.planId,
        year: p.year,
        yearOfPlan: p.yearOfPlan,
        period: p.period,
        versions: versions.filter((v) => v.planId === p.planId).map(versionSummary),
      })),
    };
  }

  version(actor: Actor, id: string): Promise<PlanVersionResponse> {
    return versionResponse(this.db.manager, id, actor.role);
  }

  create(actor: Actor, command: PlanCreateCommand): Promise<PlanVersionResponse> {
    return this.db.transaction(async (em) => {
      const versions = await allVersionRows(em, true);
      const check = checkNewPlanVersion(command.year, versions, null);
      if (!check.allowed) throw refuse(check);
      const period = planPeriodOfYear(command.year);
      const [made]: { id: string }[] = await em.query(
        `INSERT INTO voice_plans (year, period_from, period_to, created_by) VALUES ($1, $2, $3, $4)
           ON CONFLICT (year) DO NOTHING RETURNING id`,
        [command.year, period.from, period.to, actor.userId],
      );
      // Two officers starting the same year at once: the unique year decides, and one is told.
      if (!made) throw new DomainError('conflict', `There is already a plan for ${command.year}.`);
      const planId = made.id;
      const versionId = await this.startVersion(em, actor, planId, null, null);
      await this.record(
        actor,
        em,
        AuditRecordType.VoicePlan,
        planId,
        { year: command.year, versionId },
        AuditAction.Create,
      );
      return versionResponse(em, versionId, actor.role);
    });
  }

  editSection(
    actor: Actor,
    id: string,
    key: PlanSectionKey,
    command: PlanSectionCommand,
  ): Promise<PlanVersionResponse> {
    return this.edit(actor, id, command.expectedUpdatedAt, { event: 'section', key }, async (em, row) => {
      if (!planSectionsFor(row.yearOfPlan).includes(key))
        throw DomainError.validation('key', 'A council’s first plan has no last year to report on.');
      await this.pictures.assertPicturesExist(em, {
        professional: command.professional,
        childFriendly: command.childFriendly,
      });
      await em.query(
        `INSERT INTO plan_sections (version_id, section_key, professional, child_friendly)
         VALUES ($1, $2, $3::jsonb, $4::jsonb)
         ON CONFLICT (version_id, section_key)
           DO UPDATE SET professional = EXCLUDED.professional, child_friendly = EXCLUDED.child_friendly`,
        [id, key, JSON.stringify(command.professional), JSON.stringify(command.childFriendly)],
      );
    });
  }

  editLundy(
    actor: Actor,
    id: string,
    questionKey: string,
    command: PlanLundyAnswerCommand,
  ): Promise<PlanVersionResponse> {
    return this.edit(actor, id, command.expectedUpdatedAt, { event: 'lundy', questionKey }, async (em) => {
      await em.query(
        `INSERT INTO plan_lundy_answers (version_id, question_key, answer, evidence) VALUES ($1, $2, $3, $4::jsonb)
         ON CONFLICT (version_id, question_key) DO UPDATE SET answer = EXCLUDED.answer, evidence = EXCLUDED.evidence`,
        [
          id,
          questionKey,
          command.answer,
          JSON.stringify(command.evidence.map((e) => ({ words: e.words, reference: null }))),
        ],
      );
    });
  }

  /**
   * Replaces the commitments. One carried from the corrected version with the same words keeps the
   * We will it became, so publishing a correction does not promise the same thing twice.
   */
  editCommitments(actor: Actor, id: string, command: PlanCommitmentsCommand): Promise<PlanVersionResponse> {
    const detail = { event: 'commitments', count: command.commitments.length };
    return this.edit(actor, id, command.expectedUpdatedAt, detail, async (em) => {
      for (const [i, c] of command.commitments.entries()) {
        await checkCommitmentOwner(em, c.ownerId, i);
        await assertCurrentListEntries(em, { themeId: c.themeId, field: (n) => `commitments.${i}.${n}` });
      }
      const before: { words: string; actionId: string }[] = await em.query(
        `SELECT words, action_id AS "actionId" FROM plan_commitments WHERE version_id = $1 AND action_id IS NOT NULL`,
        [id],
      );
      await em.query(`DELETE FROM plan_commitments WHERE version_id = $1`, [id]);
      const kept = new Set<string>();
      for (const [position, c] of command.commitments.entries()) {
        const carried = before.find((b) => b.words === c.words && !kept.has(b.actionId));
        if (carried) kept.add(carried.actionId);
        await em.query(
          `INSERT INTO plan_commitments (version_id, position, words, child_words, owner_id, due_on, theme_id, action_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [id, position, c.words, c.childWords, c.ownerId, c.dueOn, c.themeId, carried?.actionId ?? null],
        );
      }
    });
  }

  move(actor: Actor, id: string, command: PlanMoveCommand): Promise<PlanVersionResponse> {
    return this.db.transaction(async (em) => {
      // Every version locked in one order first: publishing numbers and supersedes across them, and
      // two approvals or publications at once queue here, so one wins and the other sees it done.
      const versions = await allVersionRows(em, true);
      const row = await reachVersion(em, id, true);
      const check = checkPlanMove(row.status, command.to, actor.role, command.reason);
      if (!check.allowed) throw refuse(check);
      checkUnchanged(row, command.expectedUpdatedAt);
      if (command.to !== 'draft') this.checkComplete(await planContentOf(em, row));
      const detail: Record<string, AuditDetailValue> = { event: 'move', from: row.status, to: command.to };
      if (command.to === 'published') {
        detail['number'] = await this.publish(actor, em, row, versions);
      } else {
        await em.query(
          `WITH moved AS (UPDATE plan_versions SET status = $2, updated_at = clock_timestamp() WHERE id = $1 RETURNING id)
           SELECT id FROM moved`,
          [id, command.to],
        );
      }
      await noteMove(em, id, row.status, command.to, actor.userId, command.reason);
      await this.record(actor, em, AuditRecordType.PlanVersion, id, detail);
      return versionResponse(em, id, actor.role);
    });
  }

  /** A correction of the year's published plan: a new draft with its content and a what-changed note. */
  correct(actor: Actor, planId: string, command: PlanCorrectionCommand): Promise<PlanVersionResponse> {
    return this.db.transaction(async (em) => {
      const [plan]: { year: number }[] = await em.query(`SELECT year FROM voice_plans WHERE id = $1`, [
        planId,
      ]);
      if (!plan) throw DomainError.notFound('This plan');
      const check = checkNewPlanVersion(plan.year, await allVersionRows(em, true), command.whatChanged);
      if (!check.allowed) throw refuse(check);
      const [source]: { id: string }[] = await em.query(
        `SELECT id FROM plan_versions WHERE plan_id = $1 AND number IS NOT NULL ORDER BY number DESC LIMIT 1`,
        [planId],
      );
      const versionId = await this.startVersion(em, actor, planId, source?.id ?? null, command.whatChanged);
      await this.record(
        actor,
        em,
        AuditRecordType.PlanVersion,
        versionId,
        { event: 'correction', corrects: source?.id ?? null },
        AuditAction.Create,
      );
      return versionResponse(em, versionId, actor.role);
    });
  }

  /** Two versions' texts, section by section, word by word (plan-diff.ts). */
  async compare(beforeId: string, afterId: string): Promise<PlanComparisonResponse> {
    const em = this.db.manager;
    const [before, after] = [await reachVersion(em, beforeId, false), await reachVersion(em, afterId, false)];
    return {
      before: versionSummary(before),
      after: versionSummary(after),
      sections: await compareSections(em, before, after),
    };
  }

  /** An edit of a version being worked on: locked, checked for its state and staleness, touched and audited. */
  private edit(
    actor: Actor,
    id: string,
    expectedUpdatedAt: string,
    detail: Record<string, AuditDetailValue>,
    write: (em: EntityManager, row: VersionRow) => Promise<void>,
  ): Promise<PlanVersionResponse> {
    return this.db.transaction(async (em) => {
      const row = await reachVersion(em, id, true);
      const check = checkPlanEdit(row.status);
      if (!check.allowed) throw refuse(check);
      checkUnchanged(row, expectedUpdatedAt);
      await write(em, row);
      await touchVersion(em, id);
      await this.record(actor, em, AuditRecordType.PlanVersion, id, detail);
      return versionResponse(em, id, actor.role);
    });
  }

  /** planGaps, as problem+json: each gap under its dotted path. */
  private checkComplete(content: Parameters<typeof planGaps>[0]): void {
    const gaps = planGaps(content);
    if (gaps.length === 0) return;
    const errors: Record<string, string[]> = {};
    for (const gap of gaps) (errors[gap.path] ??= []).push(gap.message);
    throw new DomainError(
      'validation',
      'The plan is not finished yet: young people and the leader see the whole plan.',
      errors,
    );
  }

  /**
   * Publishing: the version is numbered; each commitment not yet a We will becomes one (through the
   * action log's own insert); what it replaces is superseded; all in the move's transaction.
   */
  private async publish(
    actor: Actor,
    em: EntityManager,
    row: VersionRow,
    versions: Awaited<ReturnType<typeof allVersionRows>>,
  ): Promise<number> {
    const number = nextPlanVersionNumber(row.year, versions);
    const { commitments } = await contentOf(em, row);
    for (const [position, c] of commitments.entries()) {
      if (c.actionId !== null) continue;
      // An owner may have left since the commitment was written: the action log would refuse them too.
      await checkCommitmentOwner(em, c.ownerId, position);
      const actionId = await this.actions.insertAction(
        actor,
        em,
        {
          itemIds: [],
          status: 'planned',
          words: c.words,
          youngWords: c.childWords,
          cantReason: null,
          ownerId: c.ownerId,
          dueOn: c.dueOn,
          doneOn: null,
          progress: null,
          evidence: null,
          lundy: [],
        },
        { planVersionId: row.id },
      );
      await em.query(
        `WITH linked AS (UPDATE plan_commitments SET action_id = $3 WHERE version_id = $1 AND position = $2
                           RETURNING position)
         SELECT position FROM linked`,
        [row.id, position, actionId],
      );
    }
    for (const old of supersededByPublishing(row.year, versions)) {
      await em.query(
        `WITH moved AS (UPDATE plan_versions SET status = 'superseded', updated_at = clock_timestamp()
                          WHERE id = $1 AND status = 'published' RETURNING id)
         SELECT id FROM moved`,
        [old],
      );
      await noteMove(em, old, 'published', 'superseded', null, null);
      await this.record(actor, em, AuditRecordType.PlanVersion, old, {
        event: 'superseded',
        by: row.id,
      });
    }
    await em.query(
      `WITH moved AS (UPDATE plan_versions SET status = 'published', number = $2, published_at = clock_timestamp(),
                          updated_at = clock_timestamp() WHERE id = $1 RETURNING id)
       SELECT id FROM moved`,
      [row.id, number],
    );
    await enqueuePlanDocuments(em, row.id);
    return number;
  }

  /** A new draft of a plan, starting from a published version's content when it is a correction. */
  private async startVersion(
    em: EntityManager,
    actor: Actor,
    planId: string,
    from: string | null,
    whatChanged: string | null,
  ): Promise<string> {
    const [{ id }]: { id: string }[] = await em.query(
      `INSERT INTO plan_versions (plan_id, status, what_changed, corrects, created_by)
       VALUES ($1, 'draft', $2, $3, $4) RETURNING id`,
      [planId, whatChanged, from, actor.userId],
    );
    if (from !== null) {
      await em.query(
        `INSERT INTO plan_sections (version_id, section_key, professional, child_friendly)
         SELECT $1, section_key, professional, child_friendly FROM plan_sections WHERE version_id = $2`,
        [id, from],
      );
      await em.query(
        `INSERT INTO plan_lundy_answers (version_id, question_key, answer, evidence)
         SELECT $1, question_key, answer, evidence FROM plan_lundy_answers WHERE version_id = $2`,
        [id, from],
      );
      await em.query(
        `INSERT INTO plan_commitments (version_id, position, words, child_words, owner_id, due_on, theme_id, action_id)
         SELECT $1, position, words, child_words, owner_id, due_on, theme_id, action_id
           FROM plan_commitments WHERE version_id = $2`,
        [id, from],
      );
    }
    const start: PlanStatus = 'draft';
    await noteMove(em, id, null, start, actor.userId, whatChanged);
    return id;
  }

  private record(
    actor: Actor,
    em: EntityManager,
    type: AuditRecordType.VoicePlan | AuditRecordType.PlanVersion,
    id: string,
    detail: Record<string, AuditDetailValue>,
    action: AuditAction = AuditAction.Update,
  ): Promise<void> {
    return this.audit.for(actor).record(em, { action, type, id, detail });
  }
}
