import { Injectable } from '@nestjs/common';
import {
  AuditAction,
  AuditRecordType,
  ItemAudience,
  ItemStage,
  LoopView,
  TellingCommand,
  TellingResult,
  draftLoopMessage,
} from '@heard/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { DomainError } from '../../platform/errors/domain-error';
import { MailService, MailToQueue } from '../../platform/mail/mail.service';
import { firstNameOf } from '../invitations/parent-carer-copies';
import { TimelineEntry, appendTimeline, itemAudienceSql, itemStageSql, reachItem } from './action-log-base';
import { LoopFacts, actionStates, loopFacts, tellingsOf } from './action-log-loop.queries';

/** Why an item cannot be closed yet, by its stage: the officer is told what is left to do. */
const NOT_READY_TO_CLOSE: Readonly<Record<Exclude<ItemStage, 'to_close'>, string>> = {
  closed: 'This You said item is already closed.',
  to_acknowledge:
    'No one has taken this item on yet: acknowledge it, answer it and tell the young people first.',
  to_answer: 'No action answers this item yet: answer it and tell the young people first.',
  to_tell: 'The young people who spoke have not all heard the current answers: tell them first.',
  in_hand:
    'A “We will” is still being done: close the loop once it is done, or becomes a “We can’t”, and they have been told.',
};

/** An item whose audience is no one is told by publishing, not by a message (you_said_item_audience). */
const TOLD_ON_THE_BOARD =
  'This item names no young people and no group, so there is no one to send a message to. ' +
  'Publish each answer on the public board: that is how the people who said it are told.';

interface TellingRowToInsert {
  actionId: string;
  actionStatus: string;
  channel: string;
  youngPersonId: string | null;
  trustedAdultId: string | null;
  sessionId: string | null;
  mailId: string | null;
}

/**
 * Closing the loop (docs/action-log.md "Closing the loop"): Heard drafts a message from the
 * actions, the officer edits it, and it reaches each young person who spoke the way they agreed to
 * (loopRouteFor). An item closes only once every action is final and told (itemStageSql).
 */
@Injectable()
export class ActionLogLoopService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly mail: MailService,
  ) {}

  view(actor: Actor, itemId: string): Promise<LoopView> {
    return this.db.transaction(async (em) => {
      await reachItem(actor, em, itemId);
      return this.viewOf(em, await loopFacts(em, itemId, false));
    });
  }

  tell(actor: Actor, itemId: string, command: TellingCommand): Promise<TellingResult> {
    return this.db.transaction(async (em) => {
      await reachItem(actor, em, itemId);
      const facts = await loopFacts(em, itemId, true);
      if (facts.item.stage === 'closed')
        throw new DomainError(
          'conflict',
          'This You said item is closed. Reopen it to tell them something new.',
        );
      if (facts.item.audience === 'no_one') throw new DomainError('conflict', TOLD_ON_THE_BOARD);
      const pending = facts.actions.filter((a) => !a.told);
      if (pending.length === 0)
        throw new DomainError('conflict', 'Everyone who spoke has already heard the current answers.');
      if (facts.speakers.length === 0 && !facts.groupSession)
        throw new DomainError(
          'conflict',
          'There is no one to tell: the item names no young people, and its group has no session coming up.',
        );
      const rows: TellingRowToInsert[] = [];
      const counts = { emailed: 0, toPassOn: 0, toReadOut: 0, inPerson: 0 };
      for (const speaker of facts.speakers) {
        const youngPersonId = speaker.view.youngPersonId;
        const untold = pending.filter((a) => !a.toldYoungPersonIds.includes(youngPersonId));
        if (untold.length === 0) continue;
        const route = speaker.route;
        const mailId =
          route.channel === 'email' && speaker.email
            ? await this.mail.enqueue(
                em,
                loopMail(itemId, speaker.email, speaker.view.preferredName, command.message),
              )
            : null;
        if (route.channel === 'email') counts.emailed++;
        else if (route.channel === 'trusted_adult') counts.toPassOn++;
        else if (route.channel === 'session') counts.toReadOut++;
        else counts.inPerson++;
        for (const a of untold)
          rows.push({
            actionId: a.id,
            actionStatus: a.status,
            channel: route.channel,
            youngPersonId,
            trustedAdultId: route.channel === 'trusted_adult' ? route.trustedAdultId : null,
            sessionId: route.channel === 'session' ? route.sessionId : null,
            mailId,
          });
      }
      if (facts.speakers.length === 0 && facts.groupSession) {
        counts.toReadOut++;
        for (const a of pending)
          rows.push({
            actionId: a.id,
            actionStatus: a.status,
            channel: 'session',
            youngPersonId: null,
            trustedAdultId: null,
            sessionId: facts.groupSession.id,
            mailId: null,
          });
      }
      if (rows.length === 0)
        throw new DomainError('conflict', 'Everyone who spoke has already heard the current answers.');
      await em.query(
        `INSERT INTO loop_tellings (item_id, action_id, action_status, message, channel, young_person_id,
             trusted_adult_id, session_id, mail_id, told_by)
         SELECT $1, r.action_id, r.action_status, $2, r.channel, r.young_person_id, r.trusted_adult_id, r.session_id,
                r.mail_id, $3
           FROM unnest($4::uuid[], $5::text[], $6::text[], $7::uuid[], $8::uuid[], $9::uuid[], $10::uuid[])
             AS r(action_id, action_status, channel, young_person_id, trusted_adult_id, session_id, mail_id)`,
        [
          itemId,
          command.message,
          actor.userId,
          rows.map((r) => r.actionId),
          rows.map((r) => r.actionStatus),
          rows.map((r) => r.channel),
          rows.map((r) => r.youngPersonId),
          rows.map((r) => r.trustedAdultId),
          rows.map((r) => r.sessionId),
          rows.map((r) => r.mailId),
        ],
      );
      await appendTimeline(em, toldEntries(actor, itemId, pending, rows));
      await this.audit.for(actor).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.YouSaidItem,
        id: itemId,
        detail: { event: 'told', tellings: rows.length, ...counts },
      });
      const loop = await this.viewOf(em, await loopFacts(em, itemId, false));
      return { told: rows.length, ...counts, loop };
    });
  }

  close(actor: Actor, itemId: string): Promise<LoopView> {
    return this.db.transaction(async (em) => {
      await reachItem(actor, em, itemId);
      const [{ stage, audience }]: { stage: ItemStage; audience: ItemAudience }[] = await em.query(
        `SELECT ${itemStageSql('y')} AS stage, ${itemAudienceSql('y')} AS audience
           FROM you_said_items y WHERE y.id = $1 FOR UPDATE OF y`,
        [itemId],
      );
      if (stage === 'to_tell' && audience === 'no_one')
        throw new DomainError(
          'conflict',
          `Not everyone has been told the current answers. ${TOLD_ON_THE_BOARD}`,
        );
      if (stage !== 'to_close') throw new DomainError('conflict', NOT_READY_TO_CLOSE[stage]);
      await em.query(
        `UPDATE you_said_items SET closed_at = now(), closed_by = $2, updated_at = now() WHERE id = $1`,
        [itemId, actor.userId],
      );
      await this.recordItemEvent(actor, em, itemId, 'item_closed');
      return this.viewOf(em, await loopFacts(em, itemId, false));
    });
  }

  reopen(actor: Actor, itemId: string): Promise<LoopView> {
    return this.db.transaction(async (em) => {
      await reachItem(actor, em, itemId);
      const reopened: unknown[] = await em.query(
        `WITH reopened AS (UPDATE you_said_items SET closed_at = NULL, closed_by = NULL, updated_at = now()
            WHERE id = $1 AND closed_at IS NOT NULL RETURNING id)
         SELECT id FROM reopened`,
        [itemId],
      );
      if (reopened.length === 0) throw new DomainError('conflict', 'This You said item is not closed.');
      await this.recordItemEvent(actor, em, itemId, 'item_reopened');
      return this.viewOf(em, await loopFacts(em, itemId, false));
    });
  }

  private async recordItemEvent(
    actor: Actor,
    em: EntityManager,
    itemId: string,
    event: 'item_closed' | 'item_reopened',
  ): Promise<void> {
    await appendTimeline(em, { itemId, event, byUserId: actor.userId });
    await this.audit.for(actor).record(em, {
      action: AuditAction.Update,
      type: AuditRecordType.YouSaidItem,
      id: itemId,
      detail: { event },
    });
  }

  private async viewOf(em: EntityManager, facts: LoopFacts): Promise<LoopView> {
    const untold = facts.actions.filter((a) => !a.told);
    return {
      itemId: facts.item.id,
      stage: facts.item.stage,
      audience: facts.item.audience,
      speakers: facts.speakers.map((s) => s.view),
      actions: actionStates(facts.actions),
      draft: untold.length > 0 && facts.item.stage !== 'closed' ? draftLoopMessage(untold, facts.item) : null,
      tellings: await tellingsOf(em, facts.item.id),
    };
  }
}

/** The timeline of a telling: for each action, how and to whom (ids only). */
function toldEntries(
  actor: Actor,
  itemId: string,
  pending: { id: string; status: string }[],
  rows: TellingRowToInsert[],
): TimelineEntry[] {
  const ids = (actionId: string, channel: string, pick: (r: TellingRowToInsert) => string | null) => [
    ...new Set(
      rows
        .filter((r) => r.actionId === actionId && r.channel === channel)
        .map(pick)
        .filter((id): id is string => id !== null),
    ),
  ];
  return pending.map((a) => ({
    itemId,
    actionId: a.id,
    event: 'told',
    detail: {
      status: a.status,
      emailed: ids(a.id, 'email', (r) => r.youngPersonId),
      throughTrustedAdult: ids(a.id, 'trusted_adult', (r) => r.youngPersonId),
      trustedAdultIds: ids(a.id, 'trusted_adult', (r) => r.trustedAdultId),
      readOutFor: ids(a.id, 'session', (r) => r.youngPersonId),
      sessionIds: ids(a.id, 'session', (r) => r.sessionId),
      inPerson: ids(a.id, 'in_person', (r) => r.youngPersonId),
    },
    byUserId: actor.userId,
  }));
}

/** The officer's message, by email, to a young person who agreed to email. */
function loopMail(itemId: string, to: string, preferredName: string, message: string): MailToQueue {
  return {
    kind: 'loop_told',
    to,
    subject: 'What happened after you spoke to us',
    text: [`Hello ${firstNameOf(preferredName)},`, '', message, '', 'From the participation team'].join('\n'),
    related: { type: 'you_said_item', id: itemId },
  };
}
