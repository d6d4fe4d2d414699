import { Injectable } from '@nestjs/common';
import {
  AuditAction,
  AuditRecordType,
  YouSaidCommand,
  YouSaidItemResponse,
  todayInLondon,
} from '@heard/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AccessPolicy, youngPersonVisibleSql } from '../../platform/access/young-person-access';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { DomainError } from '../../platform/errors/domain-error';
import { acknowledgeByFor, appendTimeline } from '../action-log/action-log-base';
import { answersOf, reachEvaluation } from './evaluation-followups.queries';

/** The newest this many "You said" items; the action log (issue 12) brings paging and themes. */
export const YOU_SAID_LIST_LIMIT = 200;

const SELECT_ITEMS = `SELECT y.id, y.words, y.evaluation_id AS "evaluationId", y.question_key AS "questionKey",
    y.round_id AS "roundId", t.name AS "toolName", r.title AS "roundTitle", u.id AS "createdById",
    u.display_name AS "createdByName", y.created_at AS "createdAt"
  FROM you_said_items y
  JOIN evaluation_rounds r ON r.id = y.round_id
  JOIN practice_tool_versions v ON v.id = r.tool_version_id
  JOIN practice_tools t ON t.id = v.tool_id
  JOIN users u ON u.id = y.created_by`;

interface ItemRow {
  id: string;
  words: string;
  evaluationId: string;
  questionKey: string;
  roundId: string;
  toolName: string;
  roundTitle: string;
  createdById: string;
  createdByName: string;
  createdAt: Date;
}

/**
 * "You said" items made from young people's suggestions (docs/evaluations.md): one step from an
 * answer in words, linked to its evaluation, kept for the action log to adopt. Only from an
 * evaluation's answers: a worry is never turned into one.
 */
@Injectable()
export class YouSaidService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly access: AccessPolicy,
  ) {}

  async fromEvaluation(
    actor: Actor,
    evaluationId: string,
    command: YouSaidCommand,
  ): Promise<YouSaidItemResponse> {
    return this.db.transaction(async (em) => {
      const e = await reachEvaluation(this.access, actor, em, evaluationId, true);
      const answer = (await answersOf(em, [e.id])).find((a) => a.questionKey === command.questionKey);
      if (!answer?.text)
        throw DomainError.validation(
          'questionKey',
          'This evaluation has no answer in words to that question.',
        );
      const [exists]: unknown[] = await em.query(
        `SELECT 1 FROM you_said_items WHERE evaluation_id = $1 AND question_key = $2`,
        [e.id, command.questionKey],
      );
      if (exists) throw new DomainError('conflict', 'This answer is already a “You said” item.');
      const now = new Date();
      const [{ id }]: { id: string }[] = await em.query(
        `INSERT INTO you_said_items (words, source_kind, evaluation_id, question_key, round_id, said_on, channel,
             acknowledge_by, created_by)
         VALUES ($1, 'evaluation', $2, $3, $4, $5, 'evaluation', $6, $7) RETURNING id`,
        [
          command.words ?? answer.text,
          e.id,
          command.questionKey,
          e.roundId,
          todayInLondon(now),
          await acknowledgeByFor(em, now),
          actor.userId,
        ],
      );
      if (e.youngPersonId)
        await em.query(`INSERT INTO you_said_speakers (item_id, young_person_id) VALUES ($1, $2)`, [
          id,
          e.youngPersonId,
        ]);
      await appendTimeline(em, {
        itemId: id,
        event: 'item_recorded',
        detail: { source: 'evaluation', evaluationId: e.id },
        byUserId: actor.userId,
      });
      await this.audit.for(actor).record(em, {
        action: AuditAction.Create,
        type: AuditRecordType.Evaluation,
        id: e.id,
        detail: { event: 'you_said', youSaidItemId: id, questionKey: command.questionKey },
      });
      const [item] = await this.items(actor, em, id);
      return item;
    });
  }

  list(actor: Actor): Promise<YouSaidItemResponse[]> {
    return this.items(actor, this.db.manager, null);
  }

  /** Items whose young person the actor may see (or that name no one), newest first. */
  private async items(actor: Actor, em: EntityManager, id: string | null): Promise<YouSaidItemResponse[]> {
    const params: unknown[] = [id];
    const visible = youngPersonVisibleSql(actor, params, 's.young_person_id');
    const rows: ItemRow[] = await em.query(
      `${SELECT_ITEMS} WHERE ($1::uuid IS NULL OR y.id = $1)
          AND NOT EXISTS (SELECT 1 FROM you_said_speakers s WHERE s.item_id = y.id AND NOT ${visible})
        ORDER BY y.created_at DESC, y.id LIMIT ${YOU_SAID_LIST_LIMIT}`,
      params,
    );
    return rows.map((r) => ({
      id: r.id,
      words: r.words,
      source: {
        kind: 'evaluation',
        evaluationId: r.evaluationId,
        questionKey: r.questionKey,
        roundId: r.roundId,
      },
      toolName: r.toolName,
      roundTitle: r.roundTitle,
      createdBy: { id: r.createdById, displayName: r.createdByName },
      createdAt: new Date(r.createdAt).toISOString(),
    }));
  }
}
