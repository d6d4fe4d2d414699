import { Injectable } from '@nestjs/common';
import {
  AuditAction,
  AuditRecordType,
  EvaluationRoundCommand,
  EvaluationRoundCreated,
  EvaluationRoundListQuery,
  EvaluationRoundResponse,
  EvaluationRoundSummary,
  occasionKey,
  roundStateOn,
  todayInLondon,
} from '@heard/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AccessPolicy } from '../../platform/access/young-person-access';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { newToken, sha256 } from '../../platform/auth/tokens';
import { Clock } from '../../platform/clock';
import { DomainError } from '../../platform/errors/domain-error';
import { loadOccasion, loadOccasions } from '../occasions/occasion-facts';
import {
  RoundRow,
  findRound,
  inviteesVisibleTo,
  roundsAtOccasion,
  roundsOfVersion,
} from './evaluations.queries';

/** Where a round's link leads in the web app; the token is the only key. */
export const EVALUATION_LINK_PATH = '/evaluate/';

/**
 * Evaluation rounds: officers set the questions for a round of one tool version, where and when it
 * is held and who it is for. Every write is audited; a named round's young people are read through
 * the access policy.
 */
@Injectable()
export class EvaluationRoundsService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly access: AccessPolicy,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, command: EvaluationRoundCommand): Promise<EvaluationRoundCreated> {
    return this.db.transaction(async (em) => {
      const [version]: { stage: string }[] = await em.query(
        `SELECT t.stage FROM practice_tool_versions v JOIN practice_tools t ON t.id = v.tool_id WHERE v.id = $1`,
        [command.toolVersionId],
      );
      if (!version) throw DomainError.validation('toolVersionId', 'This tool version was not found.');
      if (version.stage === 'retired')
        throw new DomainError('conflict', 'This tool is retired, so it is not evaluated any more.');
      if (command.occasion) {
        const occasion = await loadOccasion(em, command.occasion);
        if (!occasion) throw DomainError.validation('occasion', 'This occasion was not found.');
        if (occasion.status === 'cancelled')
          throw DomainError.validation('occasion', 'This occasion was cancelled; choose another.');
      }
      if (command.groupId) {
        const [group]: unknown[] = await em.query(
          `SELECT 1 FROM groups WHERE id = $1 AND archived_at IS NULL`,
          [command.groupId],
        );
        if (!group) throw DomainError.validation('groupId', 'This group was not found.');
      }
      const unreachable = await this.access.unreachable(actor, em, command.youngPersonIds);
      if (unreachable.size > 0)
        throw new DomainError(
          'validation',
          'Some of the young people named were not found.',
          Object.fromEntries(
            command.youngPersonIds
              .map((id, i) => [`youngPersonIds.${i}`, id] as const)
              .filter(([, id]) => unreachable.has(id))
              .map(([key]) => [key, ['This young person was not found.']]),
          ),
        );
      const token = command.audience === 'link' ? newToken() : null;
      const [{ id }]: { id: string }[] = await em.query(
        `INSERT INTO evaluation_rounds (tool_version_id, title, questions, occasion_kind, occasion_id, opens_on,
           closes_on, audience, group_id, link_token_hash, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [
          command.toolVersionId,
          command.title,
          JSON.stringify(command.questions),
          command.occasion?.kind ?? null,
          command.occasion?.id ?? null,
          command.opensOn,
          command.closesOn,
          command.audience,
          command.groupId,
          token ? sha256(token) : null,
          actor.userId,
        ],
      );
      if (command.youngPersonIds.length > 0)
        await em.query(
          `INSERT INTO evaluation_round_invitees (round_id, young_person_id) SELECT $1, unnest($2::uuid[])`,
          [id, command.youngPersonIds],
        );
      await this.audit.for(actor).record(em, {
        action: AuditAction.Create,
        type: AuditRecordType.EvaluationRound,
        id,
        detail: {
          event: 'create',
          toolVersionId: command.toolVersionId,
          audience: command.audience,
          invitees: command.youngPersonIds.length,
        },
      });
      const round = await this.get(actor, id, em);
      return { ...round, link: token ? { token, path: `${EVALUATION_LINK_PATH}${token}` } : null };
    });
  }

  async list(query: EvaluationRoundListQuery): Promise<EvaluationRoundSummary[]> {
    const rows =
      'toolVersionId' in query
        ? await roundsOfVersion(this.db.manager, query.toolVersionId)
        : await roundsAtOccasion(this.db.manager, { kind: query.occasionKind, id: query.occasionId });
    return this.summaries(this.db.manager, rows);
  }

  async get(actor: Actor, id: string, em: EntityManager = this.db.manager): Promise<EvaluationRoundResponse> {
    const row = await findRound(em, { id });
    if (!row) throw DomainError.notFound('This evaluation round');
    const [summary] = await this.summaries(em, [row]);
    const invitees = await inviteesVisibleTo(actor, em, id);
    if (invitees.length > 0)
      // Naming young people is a read of their records: audited, like every staff read.
      await this.audit.for(actor).record(em, {
        action: AuditAction.Read,
        type: AuditRecordType.EvaluationRound,
        id,
        detail: { event: 'read_invitees', count: invitees.length },
      });
    return { ...summary, invitees };
  }

  /** Closes a round before its last day: its link and its entry stop taking answers at once. */
  async close(actor: Actor, id: string): Promise<EvaluationRoundResponse> {
    return this.db.transaction(async (em) => {
      const [row]: { closedAt: Date | null }[] = await em.query(
        `SELECT closed_at AS "closedAt" FROM evaluation_rounds WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!row) throw DomainError.notFound('This evaluation round');
      if (row.closedAt) throw new DomainError('conflict', 'This evaluation round is already closed.');
      await em.query(`UPDATE evaluation_rounds SET closed_at = $2, updated_at = now() WHERE id = $1`, [
        id,
        this.clock.now(),
      ]);
      await this.audit.for(actor).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.EvaluationRound,
        id,
        detail: { event: 'close' },
      });
      return this.get(actor, id, em);
    });
  }

  private async summaries(em: EntityManager, rows: RoundRow[]): Promise<EvaluationRoundSummary[]> {
    const occasions = await loadOccasions(
      em,
      rows.flatMap((r) =>
        r.occasionKind && r.occasionId ? [{ kind: r.occasionKind, id: r.occasionId }] : [],
      ),
    );
    const today = todayInLondon(this.clock.now());
    return rows.map((r) => {
      const occasion =
        r.occasionKind && r.occasionId
          ? occasions.get(occasionKey({ kind: r.occasionKind, id: r.occasionId }))
          : null;
      const closedAt = r.closedAt ? new Date(r.closedAt).toISOString() : null;
      return {
        id: r.id,
        toolVersionId: r.toolVersionId,
        toolId: r.toolId,
        toolName: r.toolName,
        versionLabel: r.versionLabel,
        title: r.title,
        questions: r.questions,
        occasion:
          r.occasionKind && r.occasionId
            ? {
                kind: r.occasionKind,
                id: r.occasionId,
                title: occasion?.title ?? '',
                date: occasion?.date ?? null,
              }
            : null,
        opensOn: r.opensOn,
        closesOn: r.closesOn,
        closedAt,
        state: roundStateOn({ opensOn: r.opensOn, closesOn: r.closesOn, closedAt }, today),
        audience: r.audience,
        groupId: r.groupId,
        evaluationCount: r.evaluationCount,
        createdAt: new Date(r.createdAt).toISOString(),
      };
    });
  }
}
