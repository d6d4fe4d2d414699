import { Injectable } from '@nestjs/common';
import {
  AuditAction,
  AuditRecordType,
  DeletionRequestResponse,
  MY_SPACE_MESSAGES,
  MyRequestReceived,
  ONE_TO_ONE_NO_TOPIC,
} from '@heard/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { Clock } from '../../platform/clock';
import { DomainError } from '../../platform/errors/domain-error';
import { OneToOnesService } from '../one-to-ones/one-to-ones.service';
import { WorriesService } from '../worries/worries.service';
import { linkedYoungPersonId } from './linked-young-person';

/**
 * What a young expert asks of the team from their pages: a one-to-one, that something be deleted,
 * or help with a worry. Each reaches the people who act on it; none changes their record by itself.
 */
@Injectable()
export class MyRequestsService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly oneToOnes: OneToOnesService,
    private readonly worries: WorriesService,
  ) {}

  async askForOneToOne(actor: Actor, about: string | null): Promise<MyRequestReceived> {
    const youngPersonId = await linkedYoungPersonId(this.db.manager, actor);
    const id = await this.oneToOnes.requestByYoungPerson(actor, youngPersonId, about ?? ONE_TO_ONE_NO_TOPIC);
    return { id, at: this.clock.now().toISOString(), message: MY_SPACE_MESSAGES.oneToOneSent };
  }

  /** Stored for officers to read and answer; it deletes nothing itself. */
  async askToDelete(actor: Actor, what: string): Promise<MyRequestReceived> {
    return this.db.transaction(async (em) => {
      const youngPersonId = await linkedYoungPersonId(em, actor);
      const at = this.clock.now();
      const [{ id }]: { id: string }[] = await em.query(
        `INSERT INTO deletion_requests (young_person_id, what, requested_by, requested_at) VALUES ($1, $2, $3, $4)
         RETURNING id`,
        [youngPersonId, what, actor.userId, at],
      );
      await this.audit.for(actor).record(em, {
        action: AuditAction.Create,
        type: AuditRecordType.DeletionRequest,
        id,
        detail: { youngPersonId },
      });
      return { id, at: at.toISOString(), message: MY_SPACE_MESSAGES.deletionSent };
    });
  }

  /** Through the worries service's one `raise`, in the same transaction as the lookup. */
  async raiseWorry(actor: Actor, words: string): Promise<MyRequestReceived> {
    return this.db.transaction(async (em) => {
      const youngPersonId = await linkedYoungPersonId(em, actor);
      const raised = await this.worries.raise(
        actor,
        { words, source: { kind: 'young_expert', id: null }, occasion: null, youngPersonId },
        em,
      );
      return {
        id: raised.id,
        at: raised.raisedAt,
        message: raised.contactsTold > 0 ? MY_SPACE_MESSAGES.worrySent : MY_SPACE_MESSAGES.worryNoOneToTell,
      };
    });
  }

  /** Officers' list of requests not yet handled, oldest first: a read of young people's words, audited. */
  async openDeletionRequests(actor: Actor): Promise<DeletionRequestResponse[]> {
    const rows: { id: string; ypId: string; name: string; what: string; at: Date }[] = await this.db.query(
      `SELECT d.id, yp.id AS "ypId", yp.preferred_name AS name, d.what, d.requested_at AS at
         FROM deletion_requests d JOIN young_people yp ON yp.id = d.young_person_id
        WHERE d.handled_at IS NULL ORDER BY d.requested_at, d.id LIMIT 200`,
    );
    await this.audit.for(actor).record(null, {
      action: AuditAction.Read,
      type: AuditRecordType.DeletionRequest,
      id: null,
      detail: { event: 'list', count: rows.length },
    });
    return rows.map((r) => ({
      id: r.id,
      youngPerson: { id: r.ypId, preferredName: r.name },
      what: r.what,
      requestedAt: new Date(r.at).toISOString(),
    }));
  }

  /**
   * An officer's answer to a request: what was decided or done. Once only; it deletes nothing here
   * (erasure is its own deliberate act) and takes the request off the officers' list.
   */
  async markDeletionRequestHandled(actor: Actor, id: string, outcome: string): Promise<void> {
    await this.db.transaction((em) => this.handleDeletionRequest(em, actor, id, outcome));
  }

  /**
   * The one way a request is answered, in the caller's transaction (an erasure decision answers the
   * request it came from). `expectYoungPerson` refuses a request about someone else.
   */
  async handleDeletionRequest(
    em: EntityManager,
    actor: Actor,
    id: string,
    outcome: string,
    expectYoungPerson?: string,
  ): Promise<void> {
    const [row]: { handledAt: Date | null; ypId: string }[] = await em.query(
      `SELECT handled_at AS "handledAt", young_person_id AS "ypId" FROM deletion_requests WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (!row || (expectYoungPerson !== undefined && row.ypId !== expectYoungPerson))
      throw DomainError.notFound('This request');
    if (row.handledAt)
      throw new DomainError(
        'conflict',
        `This request was already answered on ${new Date(row.handledAt).toISOString().slice(0, 10)}.`,
      );
    await em.query(
      `UPDATE deletion_requests SET handled_at = $2, handled_by = $3, outcome = $4 WHERE id = $1`,
      [id, this.clock.now(), actor.userId, outcome],
    );
    await this.audit.for(actor).record(em, {
      action: AuditAction.Update,
      type: AuditRecordType.DeletionRequest,
      id,
      // Never the words: the audit log holds no young person's request or the answer to it.
      detail: { event: 'handled', youngPersonId: row.ypId },
    });
  }
}
