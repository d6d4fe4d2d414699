import { Injectable } from '@nestjs/common';
import {
  AuditAction,
  AuditRecordType,
  PLEDGE_STATUS_RULES,
  PledgeConfirmationCommand,
  PledgeCreateCommand,
  PledgeGroupViewCommand,
  PledgeLinkRequest,
  PledgeProgressCommand,
  PledgeResponse,
  PledgeStatus,
  PledgeUpdateCommand,
  Role,
  checkPledgeMove,
  checkRagChange,
  nextUpdateDue,
  pledgeRemindOn,
  todayInLondon,
} from '@heard/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { Clock } from '../../platform/clock';
import { DomainError } from '../../platform/errors/domain-error';
import { reachItem } from '../action-log/action-log-base';
import { reachAction } from '../action-log/action-log-actions.queries';
import { assertCurrentListEntries } from '../action-log/action-log-items.queries';
import { loadOccasion } from '../occasions/occasion-facts';
import {
  ACTIVE_LEADER_SQL,
  PledgeRow,
  checkMaker,
  notePledge,
  pledgeResponse,
  reachPledge,
} from './pledges.queries';
import { replaceVerdict } from './pledge-verdicts';

/** The fields of a pledge its leader may change, and the column each is stored in. */
const CHANGEABLE = {
  role: 'role',
  forum: 'forum',
  words: 'words',
  themeId: 'theme_id',
  targetDate: 'target_date',
  updateEveryDays: 'update_every_days',
} as const satisfies Partial<Record<keyof PledgeUpdateCommand & keyof PledgeRow, string>>;
type Changeable = keyof typeof CHANGEABLE;

/**
 * Changing pledges (docs/pledges.md; reading them is PledgeReadsService's): recorded by a leader, or by an officer on a leader's behalf for the
 * leader to confirm; kept up to date by their leader alone; rated by young people. Every change
 * goes on the pledge's timeline and into the audit trail, in the change's transaction.
 */
@Injectable()
export class PledgesService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  create(actor: Actor, command: PledgeCreateCommand): Promise<PledgeResponse> {
    return this.db.transaction(async (em) => {
      const onBehalf = actor.role === Role.ParticipationOfficer;
      const madeBy = onBehalf ? command.madeById : actor.userId;
      if (!onBehalf && command.madeById !== null && command.madeById !== actor.userId)
        throw new DomainError(
          'forbidden',
          'You record your own pledges. An officer records one made for you.',
        );
      if (madeBy === null)
        throw DomainError.validation('madeById', 'Choose the senior leader who made the pledge.');
      await this.checkLeader(em, madeBy);
      const today = this.today();
      if (command.madeOn > today)
        throw DomainError.validation('madeOn', 'A pledge is recorded once it is made.');
      await assertCurrentListEntries(em, { themeId: command.themeId });
      if (command.occasion && !(await loadOccasion(em, command.occasion)))
        throw DomainError.validation('occasion', 'That occasion was not found.');
      if (command.groupId) await this.checkGroup(em, command.groupId);
      const due = nextUpdateDue(command.madeOn, command.updateEveryDays);
      const status: PledgeStatus = onBehalf ? 'unconfirmed' : 'active';
      const [{ id }]: { id: string }[] = await em.query(
        `INSERT INTO pledges (made_by, role, forum, occasion_kind, occasion_id, made_on, words, theme_id, target_date,
             update_every_days, next_update_due, remind_on, group_id, status, recorded_by, confirmed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
        [
          madeBy,
          command.role,
          command.forum,
          command.occasion?.kind ?? null,
          command.occasion?.id ?? null,
          command.madeOn,
          command.words,
          command.themeId,
          command.targetDate,
          command.updateEveryDays,
          due,
          pledgeRemindOn(due, command.updateEveryDays),
          command.groupId,
          status,
          actor.userId,
          onBehalf ? null : this.clock.now(),
        ],
      );
      await notePledge(em, id, 'pledge_recorded', actor.userId, { status, madeBy, onBehalf });
      await this.record(actor, em, AuditAction.Create, id, { status, onBehalf });
      return pledgeResponse(em, id);
    });
  }

  confirm(actor: Actor, id: string, command: PledgeConfirmationCommand): Promise<PledgeResponse> {
    return this.db.transaction(async (em) => {
      const before = await reachPledge(actor, em, id, true);
      checkMaker(actor, before);
      const to: PledgeStatus = command.answer === 'confirm' ? 'active' : 'declined';
      const check = checkPledgeMove(before.status, to, command.reason);
      if (!check.allowed)
        throw before.status !== 'unconfirmed'
          ? new DomainError('conflict', 'This pledge has already been confirmed or declined.')
          : DomainError.validation(check.field === 'statusReason' ? 'reason' : check.field, check.message);
      await em.query(
        `UPDATE pledges SET status = $2, status_reason = $3, confirmed_at = $4, updated_at = now() WHERE id = $1`,
        [id, to, command.reason, to === 'active' ? this.clock.now() : null],
      );
      await notePledge(em, id, to === 'active' ? 'pledge_confirmed' : 'pledge_declined', actor.userId, {
        from: before.status,
        to,
      });
      await this.record(actor, em, AuditAction.Update, id, { from: before.status, to });
      return pledgeResponse(em, id);
    });
  }

  update(actor: Actor, id: string, command: PledgeUpdateCommand): Promise<PledgeResponse> {
    return this.db.transaction(async (em) => {
      const before = await reachPledge(actor, em, id, true);
      checkMaker(actor, before);
      if (before.version !== new Date(command.expectedUpdatedAt).toISOString())
        throw new DomainError(
          'conflict',
          'This pledge changed since you opened it. Look at it again before you change it.',
        );
      const to = command.status ?? before.status;
      if (command.status !== undefined) {
        const check = checkPledgeMove(before.status, to, command.statusReason);
        if (!check.allowed) throw DomainError.validation(check.field, check.message);
      }
      const after = { ...before };
      for (const key of Object.keys(CHANGEABLE) as Changeable[])
        if (command[key] !== undefined) Object.assign(after, { [key]: command[key] });
      if (after.targetDate < after.madeOn)
        throw DomainError.validation('targetDate', 'The target date cannot be before the pledge was made.');
      if (command.themeId !== undefined && command.themeId !== before.themeId)
        await assertCurrentListEntries(em, { themeId: command.themeId });
      const changed = (Object.keys(CHANGEABLE) as Changeable[]).filter((k) => after[k] !== before[k]);
      const moved = to !== before.status;
      if (!moved && changed.length === 0) return pledgeResponse(em, id);
      const due = nextUpdateDue(await this.lastUpdateOn(em, before), after.updateEveryDays);
      await em.query(
        `UPDATE pledges SET role = $2, forum = $3, words = $4, theme_id = $5, target_date = $6, update_every_days = $7,
            next_update_due = $8, remind_on = $9, status = $10, status_reason = COALESCE($11, status_reason),
            updated_at = now()
          WHERE id = $1`,
        [
          id,
          after.role,
          after.forum,
          after.words,
          after.themeId,
          after.targetDate,
          after.updateEveryDays,
          due,
          pledgeRemindOn(due, after.updateEveryDays),
          to,
          moved ? command.statusReason : null,
        ],
      );
      if (changed.length > 0) await notePledge(em, id, 'pledge_changed', actor.userId, { fields: changed });
      if (moved) await notePledge(em, id, 'status_changed', actor.userId, { from: before.status, to });
      await this.record(actor, em, AuditAction.Update, id, {
        from: before.status,
        to,
        fields: changed.join(','),
      });
      return pledgeResponse(em, id);
    });
  }

  addProgress(actor: Actor, id: string, command: PledgeProgressCommand): Promise<PledgeResponse> {
    return this.db.transaction(async (em) => {
      const before = await reachPledge(actor, em, id, true);
      checkMaker(actor, before);
      if (!PLEDGE_STATUS_RULES[before.status].takesUpdates)
        throw new DomainError(
          'conflict',
          `This pledge is “${PLEDGE_STATUS_RULES[before.status].label}”: only a pledge being kept takes updates.`,
        );
      if (command.notedOn > this.today())
        throw DomainError.validation('notedOn', 'An update says what has already happened.');
      if (command.rag !== null) {
        const check = checkRagChange(before.rag, command.rag, command.ragReason);
        if (!check.allowed) throw DomainError.validation(check.field, check.message);
      }
      const ragChanged = command.rag !== null && command.rag !== before.rag;
      const [{ id: updateId }]: { id: string }[] = await em.query(
        `INSERT INTO pledge_updates (pledge_id, noted_on, words, evidence, rag, rag_reason, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          id,
          command.notedOn,
          command.words,
          command.evidence,
          ragChanged ? command.rag : null,
          ragChanged ? command.ragReason : null,
          actor.userId,
        ],
      );
      const due = nextUpdateDue(await this.lastUpdateOn(em, before), before.updateEveryDays);
      await em.query(
        `UPDATE pledges SET next_update_due = $2, remind_on = $3, rag = $4, rag_reason = $5, updated_at = now()
          WHERE id = $1`,
        [
          id,
          due,
          pledgeRemindOn(due, before.updateEveryDays),
          ragChanged ? command.rag : before.rag,
          ragChanged ? command.ragReason : before.ragReason,
        ],
      );
      await notePledge(em, id, 'progress_updated', actor.userId, {
        updateId,
        notedOn: command.notedOn,
        nextDue: due,
      });
      if (ragChanged)
        await notePledge(em, id, 'rag_changed', actor.userId, { from: before.rag, to: command.rag });
      await this.record(actor, em, AuditAction.Update, id, {
        event: 'progress_updated',
        updateId,
        rag: ragChanged ? command.rag : null,
      });
      return pledgeResponse(em, id);
    });
  }

  /** An officer writes down what a group said at one of its sessions; it replaces that group's last view. */
  groupView(actor: Actor, id: string, command: PledgeGroupViewCommand): Promise<PledgeResponse> {
    return this.db.transaction(async (em) => {
      const pledge = await reachPledge(actor, em, id, true);
      if (!PLEDGE_STATUS_RULES[pledge.status].youngPeopleMayRate)
        throw new DomainError(
          'conflict',
          'Young people give their verdict once the leader has confirmed the pledge.',
        );
      const session = await loadOccasion(em, { kind: 'group_session', id: command.sessionId });
      if (!session?.groupId) throw DomainError.validation('sessionId', 'That session was not found.');
      if (pledge.groupId !== null && session.groupId !== pledge.groupId)
        throw new DomainError('forbidden', 'That session is not of the group this pledge was made to.');
      const verdictId = await replaceVerdict(em, {
        pledgeId: id,
        source: 'group',
        youngPersonId: null,
        groupId: session.groupId,
        sessionId: command.sessionId,
        verdict: command.verdict,
        words: command.words,
        by: actor.userId,
        at: this.clock.now(),
      });
      await notePledge(em, id, 'verdict_given', actor.userId, {
        verdictId,
        source: 'group',
        groupId: session.groupId,
        verdict: command.verdict,
      });
      await this.record(actor, em, AuditAction.Update, id, {
        event: 'group_view',
        verdictId,
        verdict: command.verdict,
      });
      return pledgeResponse(em, id);
    });
  }

  link(actor: Actor, id: string, command: PledgeLinkRequest): Promise<PledgeResponse> {
    return this.db.transaction(async (em) => {
      await this.reachLinkable(actor, em, id, command);
      const [already]: unknown[] = await em.query(
        `SELECT 1 FROM pledge_links WHERE pledge_id = $1 AND (item_id = $2 OR action_id = $3)`,
        [id, command.itemId ?? null, command.actionId ?? null],
      );
      if (already) throw new DomainError('conflict', 'This pledge is already linked to that.');
      await em.query(
        `INSERT INTO pledge_links (pledge_id, item_id, action_id, linked_by) VALUES ($1, $2, $3, $4)`,
        [id, command.itemId ?? null, command.actionId ?? null, actor.userId],
      );
      await this.noteLink(actor, em, id, 'linked', command);
      return pledgeResponse(em, id);
    });
  }

  /**
   * Takes a link made by mistake away. Who may do it is who may link: the link row goes, and the
   * timeline keeps that it was there, who took it away and when.
   */
  unlink(actor: Actor, id: string, command: PledgeLinkRequest): Promise<PledgeResponse> {
    return this.db.transaction(async (em) => {
      await this.reachLinkable(actor, em, id, command);
      const removed: unknown[] = await em.query(
        `WITH gone AS (
           DELETE FROM pledge_links WHERE pledge_id = $1 AND (item_id = $2 OR action_id = $3) RETURNING 1
         ) SELECT 1 FROM gone`,
        [id, command.itemId ?? null, command.actionId ?? null],
      );
      if (removed.length === 0) throw new DomainError('not_found', 'This pledge is not linked to that.');
      await this.noteLink(actor, em, id, 'unlinked', command);
      return pledgeResponse(em, id);
    });
  }

  /** The pledge is theirs to link (an officer's, or its own leader's), and so is the item or action. */
  private async reachLinkable(
    actor: Actor,
    em: EntityManager,
    id: string,
    command: PledgeLinkRequest,
  ): Promise<void> {
    const pledge = await reachPledge(actor, em, id, true);
    if (actor.role === Role.SeniorLeader) checkMaker(actor, pledge);
    if (command.itemId) await reachItem(actor, em, command.itemId);
    if (command.actionId) await reachAction(actor, em, command.actionId, false);
  }

  private async noteLink(
    actor: Actor,
    em: EntityManager,
    id: string,
    event: 'linked' | 'unlinked',
    command: PledgeLinkRequest,
  ): Promise<void> {
    const detail: Record<string, string> = command.itemId
      ? { itemId: command.itemId }
      : { actionId: command.actionId ?? '' };
    await notePledge(em, id, event, actor.userId, detail);
    await this.record(actor, em, AuditAction.Update, id, { event, ...detail });
  }

  private today(): string {
    return todayInLondon(this.clock.now());
  }

  /** The day the interval runs from: the latest update's, or the day the pledge was made. */
  private async lastUpdateOn(em: EntityManager, pledge: PledgeRow): Promise<string> {
    const [row]: { last: string | null }[] = await em.query(
      `SELECT max(noted_on)::text AS last FROM pledge_updates WHERE pledge_id = $1`,
      [pledge.id],
    );
    return row.last !== null && row.last > pledge.madeOn ? row.last : pledge.madeOn;
  }

  private async checkLeader(em: EntityManager, userId: string): Promise<void> {
    const [row]: unknown[] = await em.query(`SELECT 1 FROM users WHERE id = $2 AND ${ACTIVE_LEADER_SQL}`, [
      Role.SeniorLeader,
      userId,
    ]);
    if (!row) throw DomainError.validation('madeById', 'Choose an active senior leader.');
  }

  private async checkGroup(em: EntityManager, groupId: string): Promise<void> {
    const [row]: unknown[] = await em.query(`SELECT 1 FROM groups WHERE id = $1`, [groupId]);
    if (!row) throw DomainError.validation('groupId', 'Choose a group from the list.');
  }

  private record(
    actor: Actor,
    em: EntityManager,
    action: AuditAction,
    id: string,
    detail: Record<string, string | number | boolean | null>,
  ): Promise<void> {
    return this.audit.for(actor).record(em, { action, type: AuditRecordType.Pledge, id, detail });
  }
}
