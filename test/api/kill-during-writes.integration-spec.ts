import {
  AuditAction,
  AuditRecordType,
  InvitationChannel,
  Role,
  ServiceExperienceKind,
  TrustedAdultRelationship,
  addDays,
  todayInLondon,
  zonedToUtc,
} from '@heard/domain';
import { dumpEmbeddedDatabase, embeddedDataDir, openDatabase } from '@heard/api/platform/database/database';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { API_START_MS, ApiProcess, ApiSession, call, sessionOf, startApi } from './support/api-process';
import { embeddedStart } from './support/embedded-snapshot';
import { activityRequest, createGroup, createYoungPerson, youngPersonRequest } from './support/factories';
import { serverTestUrl } from './support/server-databases';
import { SignedInClient, TestApp, createTestApp, createUser } from './support/test-app';

const onServer = serverTestUrl() !== null;
const today = todayInLondon();

/** Writes planned in all; the API is killed long before they are done. */
const WRITES = 60;
/** Kill once this many have been answered 2xx, with the others on their way. */
const KILL_AFTER_ACKNOWLEDGED = 15;
/** Requests on their way at once: several transactions open, or queued for one, at the kill. */
const CONCURRENCY = 8;
const SERVICE_KINDS = [
  ServiceExperienceKind.LookedAfter,
  ServiceExperienceKind.YoungCarer,
  ServiceExperienceKind.EarlyHelp,
];
const ITEMS_PER_SESSION_WRITE = 4;
const INVITEES_PER_WRITE = 3;

type Write =
  | { n: number; kind: 'person'; name: string; body: object }
  | { n: number; kind: 'said'; prefix: string; body: object }
  | { n: number; kind: 'invite'; youngPersonIds: string[]; body: object };

/** What came back for a write: an answer, or nothing because the process died first. */
type Outcome = { status: number; body: unknown } | { lost: string };

interface Prepared {
  sessionId: string;
  activityId: string;
  members: string[];
  trustedAdults: string[];
  invitees: string[];
}

/** Speakers of each item of a session write: one, two, all, and nobody named. */
function speakersOf(members: string[], item: number): string[] {
  return [members.slice(0, 1), members.slice(0, 2), members, []][item % 4];
}

function plannedWrites(p: Prepared): Write[] {
  const writes: Write[] = [];
  for (let n = 0; n < WRITES; n++) {
    const k = Math.floor(n / 3);
    if (n % 3 === 0) {
      const name = `Crash person ${n}`;
      writes.push({
        n,
        kind: 'person',
        name,
        body: youngPersonRequest({
          preferredName: name,
          serviceExperiences: SERVICE_KINDS.map((kind) => ({ kind, from: '2021-01-01', to: null })),
          trustedAdults: p.trustedAdults.map((userId) => ({
            userId,
            relationship: TrustedAdultRelationship.SocialWorker,
          })),
        }),
      });
    } else if (n % 3 === 1) {
      const prefix = `Crash said ${n}:`;
      writes.push({
        n,
        kind: 'said',
        prefix,
        body: {
          items: Array.from({ length: ITEMS_PER_SESSION_WRITE }, (_, i) => ({
            summary: `${prefix} point ${i}.`,
            youngPersonIds: speakersOf(p.members, i),
          })),
        },
      });
    } else {
      const youngPersonIds = p.invitees.slice(k * INVITEES_PER_WRITE, (k + 1) * INVITEES_PER_WRITE);
      writes.push({
        n,
        kind: 'invite',
        youngPersonIds,
        body: {
          target: { kind: 'activity_day', id: p.activityId },
          invitees: youngPersonIds.map((youngPersonId) => ({
            youngPersonId,
            channel: InvitationChannel.Email,
          })),
          send: true,
        },
      });
    }
  }
  return writes;
}

function pathOf(write: Write, p: Prepared): string {
  if (write.kind === 'person') return '/api/young-people';
  if (write.kind === 'said') return `/api/groups/sessions/${p.sessionId}/you-said`;
  return '/api/invitations';
}

/** Group, members, a session that has happened, an activity day and the young people to invite to it. */
async function prepare(t: TestApp, officer: SignedInClient): Promise<Prepared> {
  const trustedAdults = [];
  for (let i = 0; i < 2; i++) trustedAdults.push((await createUser(t.db, { role: Role.Practitioner })).id);
  const group = await createGroup(officer, { minAge: 10, maxAge: 25 });
  const members: string[] = [];
  for (const name of ['Member Alder', 'Member Birch', 'Member Cedar']) {
    const person = await createYoungPerson(officer, { preferredName: name });
    const joined = await officer.post(`/api/groups/${group.id}/members`, {
      youngPersonId: person.id,
      joinedOn: addDays(today, -30),
    });
    expect(joined.status).toBe(201);
    members.push(person.id);
  }
  // Sessions that have happened cannot be planned through the API; this one is put on the group's past.
  const day = addDays(today, -2);
  const [{ id: sessionId }] = (await t.db.query(
    `INSERT INTO group_sessions (group_id, starts_at, ends_at, status) VALUES ($1, $2, $3, 'scheduled') RETURNING id`,
    [group.id, zonedToUtc(day, '17:00'), zonedToUtc(day, '18:30')],
  )) as { id: string }[];
  const activity = await officer.post(
    '/api/activities',
    activityRequest({
      title: 'Crash test picnic',
      cohort: { minAge: 10, maxAge: 25, serviceExperiences: [], groupIds: [] },
    }),
  );
  expect(activity.status).toBe(201);
  const invitees: string[] = [];
  const inviteWrites = Math.ceil(WRITES / 3);
  for (let i = 0; i < inviteWrites * INVITEES_PER_WRITE; i++) {
    const person = await createYoungPerson(officer, {
      preferredName: `Invitee ${i}`,
      contact: {
        email: `invitee.${i}@young.example`,
        phone: null,
        whatsapp: null,
        letter: null,
        onlyViaTrustedAdult: false,
      },
    });
    invitees.push(person.id);
  }
  return { sessionId, activityId: activity.body.id as string, members, trustedAdults, invitees };
}

/**
 * Fires the writes CONCURRENCY at a time and kills the process (SIGKILL) as the
 * KILL_AFTER_ACKNOWLEDGED-th 2xx arrives, while the rest are still on their way.
 */
async function writeUntilKilled(
  api: ApiProcess,
  credentials: ApiSession,
  writes: Write[],
  p: Prepared,
): Promise<Map<Write, Outcome>> {
  const outcomes = new Map<Write, Outcome>();
  let next = 0;
  let acknowledged = 0;
  let killed = false;
  const lane = async (): Promise<void> => {
    while (!killed && next < writes.length) {
      const write = writes[next++];
      try {
        const { status, body } = await call(api, credentials, 'POST', pathOf(write, p), write.body);
        const res = { status, body };
        outcomes.set(write, res);
        if (res.status >= 200 && res.status < 300 && ++acknowledged >= KILL_AFTER_ACKNOWLEDGED && !killed) {
          killed = true;
          api.kill();
        }
      } catch (error) {
        const reason = String((error as Error).cause ?? error);
        // Only the kill may take an answer away.
        outcomes.set(write, { lost: killed ? reason : `before the kill: ${reason}` });
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
  return outcomes;
}

function acknowledged(outcome: Outcome | undefined): outcome is { status: number; body: unknown } {
  return outcome !== undefined && 'status' in outcome && outcome.status >= 200 && outcome.status < 300;
}

interface PersonRow {
  id: string;
  name: string;
  experiences: number;
  adults: number;
  audits: number;
}
interface ItemRow {
  id: string;
  words: string;
  speakers: number;
  timeline: number;
  audits: number;
}
interface InvitationRow {
  id: string;
  youngPersonId: string;
  status: string;
  mails: number;
  created: number;
  sent: number;
}

/** What is in the database now of everything the writes could have made, with what belongs to each row. */
async function stored(db: DataSource, p: Prepared) {
  const people: PersonRow[] = await db.query(
    `SELECT yp.id, yp.preferred_name AS name,
            (SELECT count(*)::int FROM young_person_service_experiences s WHERE s.young_person_id = yp.id) AS experiences,
            (SELECT count(*)::int FROM young_person_trusted_adults a WHERE a.young_person_id = yp.id) AS adults,
            (SELECT count(*)::int FROM audit_events e
              WHERE e.entity_type = $1 AND e.action = $2 AND e.entity_id = yp.id::text) AS audits
       FROM young_people yp WHERE yp.preferred_name LIKE 'Crash person %'`,
    [AuditRecordType.YoungPerson, AuditAction.Create],
  );
  const items: ItemRow[] = await db.query(
    `SELECT i.id, i.words,
            (SELECT count(*)::int FROM you_said_speakers s WHERE s.item_id = i.id) AS speakers,
            (SELECT count(*)::int FROM you_said_timeline l WHERE l.item_id = i.id) AS timeline,
            (SELECT count(*)::int FROM audit_events e
              WHERE e.entity_type = $1 AND e.action = $2 AND e.entity_id = i.id::text) AS audits
       FROM you_said_items i WHERE i.session_id = $3`,
    [AuditRecordType.YouSaidItem, AuditAction.Create, p.sessionId],
  );
  const invitations: InvitationRow[] = await db.query(
    `SELECT inv.id, inv.young_person_id AS "youngPersonId", inv.status,
            (SELECT count(*)::int FROM mail_outbox m
              WHERE m.related_type = 'invitation' AND m.related_id = inv.id) AS mails,
            (SELECT count(*)::int FROM audit_events e
              WHERE e.entity_type = $1 AND e.action = $2 AND e.entity_id = inv.id::text) AS created,
            (SELECT count(*)::int FROM audit_events e
              WHERE e.entity_type = $1 AND e.action = $3 AND e.entity_id = inv.id::text) AS sent
       FROM invitations inv WHERE inv.activity_id = $4`,
    [AuditRecordType.Invitation, AuditAction.Create, AuditAction.Update, p.activityId],
  );
  // An audit row about a record of these kinds that does not exist: a write recorded but lost.
  const [{ orphans }] = (await db.query(
    `SELECT count(*)::int AS orphans FROM audit_events e
      WHERE (e.entity_type = $1 AND NOT EXISTS (SELECT 1 FROM young_people r WHERE r.id::text = e.entity_id))
         OR (e.entity_type = $2 AND NOT EXISTS (SELECT 1 FROM you_said_items r WHERE r.id::text = e.entity_id))
         OR (e.entity_type = $3 AND NOT EXISTS (SELECT 1 FROM invitations r WHERE r.id::text = e.entity_id))`,
    [AuditRecordType.YoungPerson, AuditRecordType.YouSaidItem, AuditRecordType.Invitation],
  )) as { orphans: number }[];
  return { people, items, invitations, orphans };
}

/**
 * Every write answered 2xx is there exactly once; every write, answered or not, is there whole or
 * not at all, each record with its audit row; and no audit row tells of a record that is not there.
 * Returns how many of the writes that got no answer had committed anyway.
 */
function expectWholeWrites(
  data: Awaited<ReturnType<typeof stored>>,
  writes: Write[],
  outcomes: Map<Write, Outcome>,
  members: string[],
): number {
  let committedUnanswered = 0;
  const note = (write: Write, present: boolean): void => {
    const outcome = outcomes.get(write);
    if (acknowledged(outcome)) expect({ n: write.n, present }).toEqual({ n: write.n, present: true });
    else if (outcome === undefined) expect({ n: write.n, present }).toEqual({ n: write.n, present: false });
    else if (present) committedUnanswered++;
  };

  for (const write of writes) {
    const outcome = outcomes.get(write);
    if (write.kind === 'person') {
      const rows = data.people.filter((r) => r.name === write.name);
      expect({ n: write.n, copies: rows.length <= 1 }).toEqual({ n: write.n, copies: true });
      for (const row of rows)
        expect(row).toEqual({ ...row, experiences: SERVICE_KINDS.length, adults: 2, audits: 1 });
      if (acknowledged(outcome)) expect(rows.map((r) => r.id)).toEqual([(outcome.body as { id: string }).id]);
      note(write, rows.length === 1);
    } else if (write.kind === 'said') {
      const rows = data.items.filter((r) => r.words.startsWith(`${write.prefix} `));
      expect({ n: write.n, items: [0, ITEMS_PER_SESSION_WRITE].includes(rows.length) }).toEqual({
        n: write.n,
        items: true,
      });
      expect(new Set(rows.map((r) => r.words)).size).toBe(rows.length);
      for (const row of rows) {
        const point = Number(/point (\d+)\.$/.exec(row.words)?.[1]);
        expect(row).toEqual({ ...row, speakers: speakersOf(members, point).length, timeline: 1, audits: 1 });
      }
      if (acknowledged(outcome))
        expect(rows.map((r) => r.id).sort()).toEqual(
          (outcome.body as { id: string }[]).map((i) => i.id).sort(),
        );
      note(write, rows.length > 0);
    } else {
      const rows = data.invitations.filter((r) => write.youngPersonIds.includes(r.youngPersonId));
      expect({ n: write.n, invitations: [0, INVITEES_PER_WRITE].includes(rows.length) }).toEqual({
        n: write.n,
        invitations: true,
      });
      expect(new Set(rows.map((r) => r.youngPersonId)).size).toBe(rows.length);
      for (const row of rows) expect(row).toEqual({ ...row, status: 'sent', mails: 1, created: 1, sent: 1 });
      if (acknowledged(outcome))
        expect(rows.map((r) => r.id).sort()).toEqual(
          (outcome.body as { created: { id: string }[] }).created.map((i) => i.id).sort(),
        );
      note(write, rows.length > 0);
    }
  }
  // Nothing else of these kinds was written.
  expect(data.people.length + data.items.length + data.invitations.length).toBe(
    writes.reduce((sum, w) => {
      const rows =
        w.kind === 'person'
          ? data.people.filter((r) => r.name === w.name).length
          : w.kind === 'said'
            ? data.items.filter((r) => r.words.startsWith(`${w.prefix} `)).length
            : data.invitations.filter((r) => w.youngPersonIds.includes(r.youngPersonId)).length;
      return sum + rows;
    }, 0),
  );
  expect(data.orphans).toBe(0);
  return committedUnanswered;
}

describe('the API killed (kill -9) while it writes', () => {
  it(
    'should keep every answered write exactly once and every write whole, with its audit rows, after a restart',
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'heard-kill-writes-'));
      let t: TestApp | null = await createTestApp();
      let db: DataSource | null = null;
      const processes: ApiProcess[] = [];
      try {
        const officer = await t.signInAs(Role.ParticipationOfficer);
        const prepared = await prepare(t, officer);
        const credentials = sessionOf(officer);
        const env: Record<string, string> = {
          DATA_DIR: dataDir,
          // No background senders: only the requests below write.
          MAIL_POLL_MS: '0',
          DEMO_DATA: 'false',
          PUBLIC_URL: t.config.publicUrl,
        };
        if (onServer) {
          env['DATABASE_URL'] = t.config.databaseUrl as string;
          db = t.db;
        } else {
          // The process gets a file-backed copy of what was prepared; this test lets go of it until
          // the process is done with it, as one PGlite's files belong to one process at a time.
          const snapshot = await dumpEmbeddedDatabase(t.db);
          await t.close();
          t = null;
          const copy = await openDatabase({
            databaseUrl: null,
            pgliteDir: embeddedDataDir(dataDir),
            pgliteSnapshot: snapshot,
            pgliteParts: embeddedStart().parts,
          });
          await copy.destroy();
        }

        const first = await startApi(env);
        processes.push(first);
        const writes = plannedWrites(prepared);
        const outcomes = await writeUntilKilled(first, credentials, writes, prepared);
        expect((await first.exited).signal).toBe('SIGKILL');

        const answered = [...outcomes.values()].filter((o) => 'status' in o);
        // Nothing failed for any reason but the kill.
        for (const o of answered) expect({ ...o, ok: acknowledged(o) }).toEqual({ ...o, ok: true });
        expect(answered.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKNOWLEDGED);
        const lost = [...outcomes.values()].filter((o): o is { lost: string } => 'lost' in o);
        // Writes were on their way when it died, and none went unanswered before.
        expect(lost.length).toBeGreaterThan(0);
        expect(lost.filter((o) => o.lost.startsWith('before the kill'))).toEqual([]);

        // The same database, a new process: it recovers by itself and carries on.
        const second = await startApi(env);
        processes.push(second);
        const health = await call(second, credentials, 'GET', '/api/health');
        expect({ status: health.status, body: health.body }).toEqual({
          status: 200,
          body: { status: 'ok', database: 'up' },
        });
        const listed = await call(
          second,
          credentials,
          'GET',
          `/api/groups/sessions/${prepared.sessionId}/you-said`,
        );
        expect(listed.status).toBe(200);
        const after = await call(
          second,
          credentials,
          'POST',
          '/api/young-people',
          youngPersonRequest({ preferredName: 'After the restart' }),
        );
        expect(after.status).toBe(201);
        if (!onServer) {
          await second.stop();
          db = await openDatabase({ databaseUrl: null, pgliteDir: embeddedDataDir(dataDir) });
        }
        if (!db) throw new Error('No database to check');

        const data = await stored(db, prepared);
        expect((listed.body as { id: string }[]).map((i) => i.id).sort()).toEqual(
          data.items.map((i) => i.id).sort(),
        );
        const committedUnanswered = expectWholeWrites(data, writes, outcomes, prepared.members);
        // A write can have committed without its answer arriving only if its answer was lost.
        expect(committedUnanswered).toBeLessThanOrEqual(lost.length);
      } finally {
        for (const api of processes) await api.stop();
        if (t) await t.close();
        else if (db?.isInitialized) await db.destroy();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
    3 * API_START_MS,
  );
});
