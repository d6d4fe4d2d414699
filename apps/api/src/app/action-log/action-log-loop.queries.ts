import {
  ActionStatus,
  ItemAudience,
  ItemStage,
  LoopActionState,
  LoopChannel,
  LoopMessageAction,
  LoopRoute,
  LoopSpeaker,
  LoopTellingView,
  loopRouteFor,
  todayInLondon,
} from '@heard/domain';
import { EntityManager, In } from 'typeorm';
import { userReaches } from '../../platform/access/young-person-access';
import { User } from '../users/entities/user.entity';
import { loadYoungPersonFacts } from '../young-people/young-person-facts';
import { actionToldSql, itemAudienceSql, itemStageSql } from './action-log-base';

export interface LoopItem {
  id: string;
  words: string;
  youngWords: string | null;
  stage: ItemStage;
  audience: ItemAudience;
  /** The group the item came from (its own, or its session's): told at its next session. */
  groupId: string | null;
}

export interface LoopAction extends LoopMessageAction {
  id: string;
  told: boolean;
  toldBefore: boolean;
  toldYoungPersonIds: string[];
}

/** A young person who spoke, how they hear, and where (for the telling rows). */
export interface RoutedSpeaker {
  view: LoopSpeaker;
  route: LoopRoute;
  email: string | null;
}

export interface NextSession {
  id: string;
  groupId: string;
  startsAt: Date;
  groupName: string;
}

export interface LoopFacts {
  item: LoopItem;
  actions: LoopAction[];
  speakers: RoutedSpeaker[];
  /** The item's group's next session, for an item from a group with no one named. */
  groupSession: NextSession | null;
}

/** Everything the loop needs about an item, with its row locked when `lock` is set. */
export async function loopFacts(em: EntityManager, itemId: string, lock: boolean): Promise<LoopFacts> {
  const [item]: LoopItem[] = await em.query(
    `SELECT y.id, y.words, y.young_words AS "youngWords", ${itemStageSql('y')} AS stage,
            ${itemAudienceSql('y')} AS audience,
            COALESCE(y.group_id, (SELECT s.group_id FROM group_sessions s WHERE s.id = y.session_id)) AS "groupId"
       FROM you_said_items y WHERE y.id = $1${lock ? ' FOR UPDATE OF y' : ''}`,
    [itemId],
  );
  const actions: LoopAction[] = await em.query(
    `SELECT a.id, a.status, a.words, a.young_words AS "youngWords", a.due_on::text AS "dueOn",
            a.cant_reason AS "cantReason", ${actionToldSql('y', 'a')} AS told,
            EXISTS (SELECT 1 FROM loop_tellings lt WHERE lt.item_id = y.id AND lt.action_id = a.id
                     AND lt.action_status <> a.status) AS "toldBefore",
            ARRAY(SELECT DISTINCT lt.young_person_id::text FROM loop_tellings lt
                   WHERE lt.item_id = y.id AND lt.action_id = a.id AND lt.action_status = a.status
                     AND lt.young_person_id IS NOT NULL) AS "toldYoungPersonIds"
       FROM you_said_items y JOIN action_answers aa ON aa.item_id = y.id JOIN actions a ON a.id = aa.action_id
      WHERE y.id = $1 ORDER BY a.created_at, a.id`,
    [itemId],
  );
  const speakerIds: { id: string }[] = await em.query(
    `SELECT young_person_id AS id FROM you_said_speakers WHERE item_id = $1 ORDER BY young_person_id`,
    [itemId],
  );
  const people = await loadYoungPersonFacts(
    em,
    speakerIds.map((s) => s.id),
    todayInLondon(),
  );
  const adultIds = [...new Set([...people.values()].flatMap((p) => p.trustedAdultIds))];
  const adults = adultIds.length ? await em.getRepository(User).findBy({ id: In(adultIds) }) : [];
  const groupIds = [
    ...new Set([...(item.groupId ? [item.groupId] : []), ...[...people.values()].flatMap((p) => p.groupIds)]),
  ];
  const sessions = await nextSessions(em, groupIds);
  const speakers: RoutedSpeaker[] = [];
  for (const { id } of speakerIds) {
    const person = people.get(id);
    if (!person) continue;
    // Still active and still linked to them: an unlinked adult hears nothing more about them.
    const adult = person.trustedAdultIds
      .map((a) => adults.find((u) => u.id === a))
      .find((u): u is User => !!u && u.status === 'active' && userReaches(u, person.trustedAdultIds));
    const session =
      (item.groupId ? sessions.get(item.groupId) : undefined) ??
      person.groupIds
        .map((g) => sessions.get(g))
        .filter((s): s is NextSession => !!s)
        .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0];
    const route = loopRouteFor(person.contact, {
      trustedAdultId: adult?.id ?? null,
      nextSessionId: session?.id ?? null,
    });
    speakers.push({
      route,
      email: person.contact.email,
      view: {
        youngPersonId: id,
        preferredName: person.preferredName,
        channel: route.channel,
        trustedAdult:
          route.channel === 'trusted_adult' && adult
            ? { id: adult.id, displayName: adult.displayName }
            : null,
        session:
          route.channel === 'session' && session
            ? { id: session.id, startsAt: session.startsAt.toISOString(), groupName: session.groupName }
            : null,
      },
    });
  }
  return {
    item,
    actions,
    speakers,
    groupSession: item.groupId ? (sessions.get(item.groupId) ?? null) : null,
  };
}

/** Each group's next scheduled session from now. */
async function nextSessions(em: EntityManager, groupIds: string[]): Promise<Map<string, NextSession>> {
  if (groupIds.length === 0) return new Map();
  const rows: NextSession[] = await em.query(
    `SELECT DISTINCT ON (s.group_id) s.id, s.group_id AS "groupId", s.starts_at AS "startsAt", g.name AS "groupName"
       FROM group_sessions s JOIN groups g ON g.id = s.group_id
      WHERE s.group_id = ANY($1::uuid[]) AND s.status = 'scheduled' AND s.starts_at >= now()
      ORDER BY s.group_id, s.starts_at, s.id`,
    [groupIds],
  );
  return new Map(rows.map((r) => [r.groupId, { ...r, startsAt: new Date(r.startsAt) }]));
}

export function actionStates(actions: LoopAction[]): LoopActionState[] {
  return actions.map((a) => ({
    actionId: a.id,
    status: a.status,
    told: a.told,
    toldAgainNeeded: !a.told && a.toldBefore,
    toldYoungPersonIds: a.toldYoungPersonIds,
  }));
}

interface TellingRow {
  id: string;
  actionId: string;
  actionStatus: ActionStatus;
  channel: LoopChannel | 'board';
  youngPersonId: string | null;
  trustedAdultId: string | null;
  sessionId: string | null;
  message: string;
  toldBy: string;
  toldAt: Date;
  passedAt: Date | null;
}

/** Every telling about the item, newest first: when, how and to whom. */
export async function tellingsOf(em: EntityManager, itemId: string): Promise<LoopTellingView[]> {
  const rows: TellingRow[] = await em.query(
    `SELECT id, action_id AS "actionId", action_status AS "actionStatus", channel, young_person_id AS "youngPersonId",
            trusted_adult_id AS "trustedAdultId", session_id AS "sessionId", message, told_by AS "toldBy",
            told_at AS "toldAt", passed_at AS "passedAt"
       FROM loop_tellings WHERE item_id = $1 ORDER BY told_at DESC, action_id, young_person_id`,
    [itemId],
  );
  return rows.map((r) => ({
    ...r,
    toldAt: new Date(r.toldAt).toISOString(),
    passedAt: r.passedAt ? new Date(r.passedAt).toISOString() : null,
  }));
}
