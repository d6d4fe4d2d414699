import { Injectable } from '@nestjs/common';
import {
  AuditAction,
  AuditRecordType,
  NOT_PICKABLE_STAFF_MESSAGE,
  OneToOneCommand,
  OneToOneQuery,
  OneToOneResponse,
  OneToOneStatus,
  OneToOneUpdateSchema,
  todayInLondon,
} from '@heard/domain';
import { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { AccessPolicy, youngPersonVisibleSql } from '../../platform/access/young-person-access';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { DomainError } from '../../platform/errors/domain-error';
import { OccasionEvents } from '../occasions/occasion-events';
import { unpickableStaff } from '../staff/pickable-staff';
import { OneToOne } from './entities/one-to-one.entity';

/** Requested → scheduled → done; cancelled from either open state. Done and cancelled are final. */
const NEXT: Readonly<Record<OneToOneStatus, readonly OneToOneStatus[]>> = {
  requested: ['requested', 'scheduled', 'cancelled'],
  scheduled: ['scheduled', 'done', 'cancelled', 'requested'],
  done: ['done'],
  cancelled: [],
};

@Injectable()
export class OneToOnesService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly occasions: OccasionEvents,
    private readonly access: AccessPolicy,
  ) {}

  /** Open ones first (soonest first), then the rest, newest first. */
  async list(actor: Actor, query: OneToOneQuery = {}): Promise<OneToOneResponse[]> {
    const params: unknown[] = [];
    const where = [youngPersonVisibleSql(actor, params, 'o.young_person_id')];
    if (query.youngPersonId) where.push(`o.young_person_id = $${params.push(query.youngPersonId)}`);
    const rows: { id: string }[] = await this.db.query(
      `SELECT o.id FROM one_to_ones o WHERE ${where.join(' AND ')}
        ORDER BY o.status NOT IN ('requested','scheduled'), o.scheduled_at NULLS FIRST, o.created_at DESC, o.id
        LIMIT 500`,
      params,
    );
    return this.responses(
      this.db.manager,
      rows.map((r) => r.id),
    );
  }

  async create(actor: Actor, command: OneToOneCommand): Promise<OneToOneResponse> {
    const id = await this.db.transaction(async (em) => {
      await this.checkPeople(em, actor, command.youngPersonId, command.staffUserId);
      const result = await em.insert(OneToOne, {
        youngPersonId: command.youngPersonId,
        requestedBy: command.requestedBy,
        topic: command.topic,
        status: command.scheduledAt ? 'scheduled' : 'requested',
        scheduledAt: command.scheduledAt ? new Date(command.scheduledAt) : null,
        location: command.location,
        staffUserId: command.staffUserId,
        createdBy: actor.userId,
      });
      const created = (result.identifiers[0] as { id: string }).id;
      await this.audit.for(actor).record(em, {
        action: AuditAction.Create,
        type: AuditRecordType.OneToOne,
        id: created,
        detail: { requestedBy: command.requestedBy },
      });
      return created;
    });
    return this.one(id);
  }

  /**
   * A young person asks for a one-to-one on their own pages (`youngPersonId` from
   * linkedYoungPersonId): it joins the officers' list as requested by the young person.
   */
  async requestByYoungPerson(actor: Actor, youngPersonId: string, about: string): Promise<string> {
    return this.db.transaction(async (em) => {
      const result = await em.insert(OneToOne, {
        youngPersonId,
        requestedBy: 'young_person',
        topic: about,
        status: 'requested',
        scheduledAt: null,
        location: null,
        staffUserId: null,
        createdBy: actor.userId,
      });
      const id = (result.identifiers[0] as { id: string }).id;
      await this.audit.for(actor).record(em, {
        action: AuditAction.Create,
        type: AuditRecordType.OneToOne,
        id,
        detail: { requestedBy: 'young_person' },
      });
      return id;
    });
  }

  async update(
    actor: Actor,
    id: string,
    update: z.output<typeof OneToOneUpdateSchema>,
  ): Promise<OneToOneResponse> {
    await this.db.transaction(async (em) => {
      await this.access.assertMayChange(actor, em, { oneToOne: id });
      const current = await em
        .getRepository(OneToOne)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw DomainError.notFound('This one-to-one');
      if (!NEXT[current.status].includes(update.status))
        throw DomainError.validation(
          'status',
          current.status === 'cancelled'
            ? 'This one-to-one was cancelled: offer a new one instead.'
            : 'This one-to-one is done: its outcome is recorded.',
        );
      if (update.staffUserId) await this.checkPeople(em, actor, current.youngPersonId, update.staffUserId);
      const timeChanged =
        (update.scheduledAt ? new Date(update.scheduledAt).getTime() : null) !==
        (current.scheduledAt?.getTime() ?? null);
      await em.update(
        OneToOne,
        { id },
        {
          status: update.status,
          scheduledAt: update.scheduledAt ? new Date(update.scheduledAt) : null,
          ...(update.location !== undefined ? { location: update.location } : {}),
          ...(update.staffUserId !== undefined ? { staffUserId: update.staffUserId } : {}),
          outcome: update.outcome,
          // Calendars replace their copy when its time or state changes.
          sequence: update.status !== current.status || timeChanged ? current.sequence + 1 : current.sequence,
          updatedAt: new Date(),
        },
      );
      const occasion = { kind: 'one_to_one' as const, id };
      if (update.status === 'cancelled' && current.status !== 'cancelled')
        await this.occasions.announce(em, actor, {
          occasion,
          change: 'cancelled',
          date: todayInLondon(current.scheduledAt ?? new Date()),
          reason: null,
        });
      else if (update.scheduledAt && current.scheduledAt && update.status !== 'done' && timeChanged)
        await this.occasions.announce(em, actor, {
          occasion,
          change: 'moved',
          date: todayInLondon(new Date(update.scheduledAt)),
          reason: null,
        });
      await this.audit.for(actor).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.OneToOne,
        id,
        detail: { from: current.status, to: update.status },
      });
    });
    return this.one(id);
  }

  private async checkPeople(
    em: EntityManager,
    actor: Actor,
    youngPersonId: string,
    staffUserId: string | null,
  ): Promise<void> {
    const [person]: { id: string }[] = await em.query(
      `SELECT id FROM young_people WHERE id = $1 AND archived_at IS NULL`,
      [youngPersonId],
    );
    // Out of reach reads the same as missing, so the refusal reveals nothing.
    if (!person || (await this.access.unreachable(actor, em, [youngPersonId])).size > 0)
      throw DomainError.validation('youngPersonId', 'This young person was not found.');
    if (staffUserId && (await unpickableStaff(em, [staffUserId])).size > 0)
      throw DomainError.validation('staffUserId', NOT_PICKABLE_STAFF_MESSAGE);
  }

  private async one(id: string): Promise<OneToOneResponse> {
    const [response] = await this.responses(this.db.manager, [id]);
    if (!response) throw DomainError.notFound('This one-to-one');
    return response;
  }

  private async responses(em: EntityManager, ids: string[]): Promise<OneToOneResponse[]> {
    if (ids.length === 0) return [];
    const rows: {
      id: string;
      young_person_id: string;
      preferred_name: string;
      requested_by: OneToOneResponse['requestedBy'];
      topic: string;
      status: OneToOneStatus;
      scheduled_at: Date | null;
      location: string | null;
      staff_user_id: string | null;
      staff_name: string | null;
      outcome: string | null;
      created_at: Date;
      updated_at: Date;
    }[] = await em.query(
      `SELECT o.*, yp.preferred_name, u.display_name AS staff_name
         FROM one_to_ones o JOIN young_people yp ON yp.id = o.young_person_id
         LEFT JOIN users u ON u.id = o.staff_user_id
        WHERE o.id = ANY($1::uuid[])`,
      [ids],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const r = byId.get(id);
      if (!r) return [];
      return [
        {
          id: r.id,
          youngPerson: { id: r.young_person_id, preferredName: r.preferred_name },
          requestedBy: r.requested_by,
          topic: r.topic,
          status: r.status,
          scheduledAt: r.scheduled_at?.toISOString() ?? null,
          location: r.location,
          staff: r.staff_user_id && r.staff_name ? { id: r.staff_user_id, displayName: r.staff_name } : null,
          outcome: r.outcome,
          createdAt: r.created_at.toISOString(),
          updatedAt: r.updated_at.toISOString(),
        },
      ];
    });
  }
}
