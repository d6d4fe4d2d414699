import { Injectable } from '@nestjs/common';
import {
  AnonymisedCounts,
  AuditAction,
  AuditRecordType,
  ErasureDecisionCommand,
  ErasureRequestCommand,
  ErasureRequestResponse,
  ErasureRequestsResponse,
  todayInLondon,
} from '@heard/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AccessPolicy } from '../../platform/access/young-person-access';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { Clock } from '../../platform/clock';
import { DomainError } from '../../platform/errors/domain-error';
import { MyRequestsService } from '../young-experts/my-requests.service';
import { anonymiseYoungPerson, worryAwaitingAcknowledgementSql } from './anonymise-young-person';
import { ErasureRequestRow, erasureRequestById, erasureRequestsOf } from './erasure-requests.queries';

const OPEN_ALREADY = 'A request to erase their details is already waiting for a decision.';
const LINKED_ALREADY = 'That request to delete something already has an erasure request.';

/** Is a unique index's refusal (PostgreSQL 23505) about this index? */
const violates = (e: unknown, index: string): boolean => {
  const err = e as {
    code?: string;
    constraint?: string;
    driverError?: { code?: string; constraint?: string };
  };
  const code = err.driverError?.code ?? err.code;
  const constraint = err.driverError?.constraint ?? err.constraint;
  return code === '23505' && constraint === index;
};

/**
 * Requests to erase a young person's details (issue 17 §2): recorded as received, decided once by
 * a participation officer, and, when the decision is to erase, carried out by anonymiseYoungPerson
 * in the same transaction as the decision and its audit row, so a decision is never on record
 * without its effect, nor the effect without the decision.
 */
@Injectable()
export class ErasureRequestsService {
  constructor(
    private readonly db: DataSource,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly deletionRequests: MyRequestsService,
  ) {}

  async list(actor: Actor, youngPersonId: string): Promise<ErasureRequestsResponse> {
    const em = this.db.manager;
    await this.access.assertMayRead(actor, em, { youngPerson: youngPersonId });
    const { anonymisedAt, rows } = await erasureRequestsOf(em, youngPersonId);
    await this.audit.for(actor).record(null, {
      action: AuditAction.Read,
      type: AuditRecordType.ErasureRequest,
      id: null,
      detail: { event: 'list', youngPersonId, count: rows.length },
    });
    return {
      anonymisedAt: anonymisedAt ? new Date(anonymisedAt).toISOString() : null,
      requests: rows.map(toResponse),
    };
  }

  async record(
    actor: Actor,
    youngPersonId: string,
    cmd: ErasureRequestCommand,
  ): Promise<ErasureRequestResponse> {
    return this.db.transaction(async (em) => {
      await this.access.assertMayChange(actor, em, { youngPerson: youngPersonId });
      if (cmd.receivedOn > todayInLondon(this.clock.now()))
        throw DomainError.validation('receivedOn', 'The day it was received cannot be in the future.');
      if (cmd.deletionRequestId) {
        const [asked]: { ypId: string }[] = await em.query(
          `SELECT young_person_id AS "ypId" FROM deletion_requests WHERE id = $1`,
          [cmd.deletionRequestId],
        );
        if (asked?.ypId !== youngPersonId)
          throw DomainError.validation(
            'deletionRequestId',
            'This is not one of their own requests to delete something.',
          );
      }
      // Asked first so the usual refusal is a plain answer; the unique indexes still hold under a race.
      const [taken]: { open: boolean; linked: boolean }[] = await em.query(
        `SELECT EXISTS (SELECT 1 FROM erasure_requests WHERE young_person_id = $1 AND decision IS NULL) AS open,
                EXISTS (SELECT 1 FROM erasure_requests WHERE deletion_request_id = $2) AS linked`,
        [youngPersonId, cmd.deletionRequestId],
      );
      if (taken.open) throw new DomainError('conflict', OPEN_ALREADY);
      if (taken.linked) throw new DomainError('conflict', LINKED_ALREADY);
      let id: string;
      try {
        [{ id }] = await em.query(
          `INSERT INTO erasure_requests (young_person_id, asked_by, received_how, received_on, details,
                                         deletion_request_id, recorded_by, recorded_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
          [
            youngPersonId,
            cmd.askedBy,
            cmd.receivedHow,
            cmd.receivedOn,
            cmd.details,
            cmd.deletionRequestId,
            actor.userId,
            this.clock.now(),
          ],
        );
      } catch (e) {
        if (violates(e, 'erasure_requests_one_open'))
          throw new DomainError(
            'conflict',
            'A request to erase their details is already waiting for a decision.',
          );
        if (violates(e, 'erasure_requests_deletion_request_key'))
          throw new DomainError(
            'conflict',
            'That request to delete something already has an erasure request.',
          );
        throw e;
      }
      await this.audit.for(actor).record(em, {
        action: AuditAction.Create,
        type: AuditRecordType.ErasureRequest,
        id,
        detail: { youngPersonId, askedBy: cmd.askedBy, receivedHow: cmd.receivedHow },
      });
      return toResponse(await erasureRequestById(em, id));
    });
  }

  /**
   * Decides a request, once. Erasing runs the anonymisation here, in the decision's transaction; an
   * officer who has not yet acknowledged a worry the young person raised must do that first, so a
   * safeguarding concern is never erased before someone has read it.
   */
  async decide(actor: Actor, id: string, cmd: ErasureDecisionCommand): Promise<ErasureRequestResponse> {
    return this.db.transaction(async (em) => {
      const [row]: { ypId: string; decidedAt: Date | null; deletionRequestId: string | null }[] =
        await em.query(
          `SELECT young_person_id AS "ypId", decided_at AS "decidedAt", deletion_request_id AS "deletionRequestId"
           FROM erasure_requests WHERE id = $1 FOR UPDATE`,
          [id],
        );
      if (!row) throw DomainError.notFound('This erasure request');
      await this.access.assertMayChange(actor, em, { youngPerson: row.ypId });
      if (row.decidedAt)
        throw new DomainError(
          'conflict',
          `This request was already decided on ${todayInLondon(new Date(row.decidedAt))}.`,
        );
      const now = this.clock.now();
      let counts: AnonymisedCounts | null = null;
      if (cmd.decision === 'erase') {
        await this.assertNoWorryWaiting(em, row.ypId);
        if (row.deletionRequestId)
          await this.answerDeletionRequest(em, actor, row, 'Done: all of their details were erased.');
        counts = await anonymiseYoungPerson(em, row.ypId, {
          reason: 'erasure',
          at: now,
          byUserId: actor.userId,
        });
      } else if (row.deletionRequestId && cmd.reason) {
        await this.answerDeletionRequest(em, actor, row, cmd.reason);
      }
      await em.query(
        `UPDATE erasure_requests SET decision = $2, reason = $3, decided_by = $4, decided_at = $5,
                carried_out_at = $6, counts = $7::jsonb WHERE id = $1`,
        [
          id,
          cmd.decision,
          cmd.reason,
          actor.userId,
          now,
          counts ? now : null,
          counts ? JSON.stringify(counts) : null,
        ],
      );
      await this.audit.for(actor).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.ErasureRequest,
        id,
        // The decision and how much changed; never the reason's words.
        detail: {
          event: 'decided',
          decision: cmd.decision,
          youngPersonId: row.ypId,
          rowsChanged: counts ? Object.values(counts).reduce((a, b) => a + b, 0) : 0,
        },
      });
      return toResponse(await erasureRequestById(em, id));
    });
  }

  private async assertNoWorryWaiting(em: EntityManager, youngPersonId: string): Promise<void> {
    const [waiting]: { waiting: boolean }[] = await em.query(
      `SELECT ${worryAwaitingAcknowledgementSql('$1::uuid')} AS waiting`,
      [youngPersonId],
    );
    if (waiting.waiting)
      throw new DomainError(
        'conflict',
        'A worry about this young person has not been acknowledged yet. A safeguarding contact must read it before their details are erased.',
      );
  }

  /** The young person's own request to delete something is answered by this decision, if still open. */
  private async answerDeletionRequest(
    em: EntityManager,
    actor: Actor,
    row: { ypId: string; deletionRequestId: string | null },
    outcome: string,
  ): Promise<void> {
    if (!row.deletionRequestId) return;
    const [open]: { n: number }[] = await em.query(
      `SELECT count(*)::int AS n FROM deletion_requests WHERE id = $1 AND handled_at IS NULL`,
      [row.deletionRequestId],
    );
    if (open.n > 0)
      await this.deletionRequests.handleDeletionRequest(em, actor, row.deletionRequestId, outcome, row.ypId);
  }
}

function toResponse(r: ErasureRequestRow): ErasureRequestResponse {
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  return {
    id: r.id,
    youngPersonId: r.youngPersonId,
    askedBy: r.askedBy,
    receivedHow: r.receivedHow,
    receivedOn: r.receivedOn,
    details: r.details,
    deletionRequestId: r.deletionRequestId,
    recordedAt: new Date(r.recordedAt).toISOString(),
    recordedBy: r.recordedBy,
    decision: r.decision,
    reason: r.reason,
    decidedAt: iso(r.decidedAt),
    decidedBy: r.decidedBy,
    carriedOutAt: iso(r.carriedOutAt),
    counts: r.counts,
  };
}
