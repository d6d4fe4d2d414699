import { Injectable } from '@nestjs/common';
import { ItemSummary, MAX_SESSION_ITEMS, SessionYouSaidCommand, todayInLondon } from '@heard/domain';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../platform/auth/auth-context';
import { Clock } from '../../platform/clock';
import { DomainError } from '../../platform/errors/domain-error';
import { youngPersonVisibleSql } from '../../platform/access/young-person-access';
import { onSessionRegisterSql } from '../sessions/session-reads.service';
import { assertCurrentListEntries, listItems } from './action-log-items.queries';
import { ItemRecorder } from './action-log-items.recording';

interface SessionFacts {
  id: string;
  groupId: string;
  day: string;
  status: 'scheduled' | 'cancelled';
}

/**
 * "What was said" at a group session (issue 12 §1): several You said items recorded in one step
 * from the session page, each from young people on that session's register, all or none.
 */
@Injectable()
export class SessionYouSaidService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly recorder: ItemRecorder,
  ) {}

  /** The items said at the session that the actor may see, newest first. */
  async list(actor: Actor, sessionId: string): Promise<ItemSummary[]> {
    await this.session(this.db.manager, sessionId);
    // A session's items are recorded at most MAX_SESSION_ITEMS at a time; five pages' worth is plenty.
    const page = await listItems(this.db.manager, actor, this.clock.now(), {
      sessionId,
      limit: MAX_SESSION_ITEMS * 5,
    });
    return page.items;
  }

  async record(actor: Actor, sessionId: string, command: SessionYouSaidCommand): Promise<ItemSummary[]> {
    return this.db.transaction(async (em) => {
      const session = await this.session(em, sessionId);
      if (session.status === 'cancelled')
        throw new DomainError('conflict', 'This session was cancelled, so nothing was said at it.');
      if (session.day > todayInLondon(this.clock.now()))
        throw new DomainError('conflict', 'This session has not happened yet.');
      for (const [i, entry] of command.items.entries()) {
        await assertCurrentListEntries(em, { ...entry, field: (name) => `items.${i}.${name}` });
        await this.assertOnRegister(em, actor, session, entry.youngPersonIds, `items.${i}.youngPersonIds`);
      }
      const ids = await this.recorder.record(
        em,
        actor,
        command.items.map((entry) => ({
          source: 'group_session',
          serviceId: entry.serviceId,
          themeId: entry.themeId,
          saidOn: session.day,
          channel: 'group_session',
          summary: entry.summary,
          attributable: command.attributable,
          youngPersonIds: entry.youngPersonIds,
          groupId: session.groupId,
          sessionId: session.id,
          quotes: [],
        })),
      );
      const page = await listItems(em, actor, this.clock.now(), { sessionId, limit: MAX_SESSION_ITEMS * 5 });
      // In the order they were written down.
      const byId = new Map(page.items.map((item) => [item.id, item]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    });
  }

  private async session(em: EntityManager, sessionId: string): Promise<SessionFacts> {
    const [row]: (Omit<SessionFacts, 'day'> & { startsAt: Date })[] = await em.query(
      `SELECT id, group_id AS "groupId", starts_at AS "startsAt", status FROM group_sessions WHERE id = $1`,
      [sessionId],
    );
    if (!row) throw DomainError.notFound('This session');
    // The session's day as its register reads it.
    return {
      id: row.id,
      groupId: row.groupId,
      status: row.status,
      day: todayInLondon(new Date(row.startsAt)),
    };
  }

  /** A field error unless every young person named was on the session's register and the actor may see them. */
  private async assertOnRegister(
    em: EntityManager,
    actor: Actor,
    session: SessionFacts,
    youngPersonIds: readonly string[],
    field: string,
  ): Promise<void> {
    if (youngPersonIds.length === 0) return;
    const params: unknown[] = [[...youngPersonIds], session.id, session.groupId, session.day];
    const visible = youngPersonVisibleSql(actor, params, 'yp.id');
    const [{ found }]: { found: number }[] = await em.query(
      `SELECT count(*)::int AS found FROM young_people yp
        WHERE yp.id = ANY($1::uuid[])
          AND ${onSessionRegisterSql('yp.id', { session: '$2', group: '$3', day: '$4' })}
          AND ${visible}`,
      params,
    );
    if (found !== youngPersonIds.length)
      throw DomainError.validation(field, 'Choose young people who were on this session’s register.');
  }
}
