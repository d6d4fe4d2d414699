import { Logger } from '@nestjs/common';
import { Role } from '@heard/domain';
import { AppConfig, loadConfig } from '@heard/api/platform/config/config';
import { embeddedDataDir, openDatabase } from '@heard/api/platform/database/database';
import { MailMessage } from '@heard/api/platform/mail/mail-message.entity';
import { MailService } from '@heard/api/platform/mail/mail.service';
import { SMTP_LIMITS } from '@heard/api/platform/mail/mail-transport';
import { INTERRUPTED, MAX_ATTEMPTS, MailWorker, messageIdFor } from '@heard/api/platform/mail/mail.worker';
import { spawnEntry } from './support/api-process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { embeddedStart } from './support/embedded-snapshot';
import { TestApp, createTestApp } from './support/test-app';
import { closedPort, countByMessageId, gate, startSmtpSink } from './support/smtp-sink';
import { waitFor } from './support/wait';
import { serverTestUrl } from './support/server-databases';

const PUBLIC_URL = 'http://heard.test';
const onServer = serverTestUrl() !== null;

// Workers built outside a Nest app would log to the console; the apps in this file log nothing either.
beforeAll(() => Logger.overrideLogger(false));

function workerConfig(dataDir: string, smtpUrl: string): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    MAIL_POLL_MS: '0',
    DEMO_DATA: 'false',
    PUBLIC_URL,
    SMTP_URL: smtpUrl,
  });
}

async function rows(db: DataSource): Promise<MailMessage[]> {
  return db.getRepository(MailMessage).find({ order: { createdAt: 'ASC', id: 'ASC' } });
}

async function openCount(db: DataSource): Promise<number> {
  const [row] = await db.query(
    `SELECT count(*)::int AS n FROM mail_outbox WHERE status IN ('pending', 'sending')`,
  );
  return (row as { n: number }).n;
}

/** Brings every retry forward instead of waiting out its backoff. */
async function makeDue(db: DataSource): Promise<void> {
  await db.query(
    `UPDATE mail_outbox SET next_attempt_at = now() - interval '1 second' WHERE status = 'pending'`,
  );
}

/** Runs the workers, retries brought forward, until nothing is left to send. */
async function drain(db: DataSource, ...workers: MailWorker[]): Promise<void> {
  for (let round = 0; round < 50; round++) {
    await makeDue(db);
    await Promise.all(workers.map((w) => w.runOnce()));
    if ((await openCount(db)) === 0) return;
  }
  throw new Error(`The outbox did not drain: ${JSON.stringify(await rows(db))}`);
}

async function enqueueMany(db: DataSource, count: number, label: string): Promise<void> {
  const mail = new MailService();
  await db.transaction(async (em) => {
    for (let i = 0; i < count; i++) {
      await mail.enqueue(em, {
        kind: 'test',
        to: `${label}.${i}@test.heard.example`,
        subject: `${label} ${i}`,
        text: `Message ${i} of ${count}.`,
      });
    }
  });
}

async function inviteSomeone(t: TestApp, email: string, admin?: Awaited<ReturnType<TestApp['signInAs']>>) {
  const signedIn = admin ?? (await t.signInAs(Role.Administrator));
  const res = await signedIn.post('/api/users', { email, displayName: 'Mail Test', role: 'practitioner' });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

/** Every row was delivered, and a Message-ID that arrived more than once belongs to an uncertain row. */
function expectDeliveredOnceUnlessUncertain(all: MailMessage[], counts: Map<string, number>): string[] {
  expect(all.map((r) => r.status)).toEqual(all.map(() => 'sent'));
  expect([...counts.keys()].sort()).toEqual(all.map((r) => messageIdFor(r.id, PUBLIC_URL)).sort());
  const duplicates = [...counts].filter(([, n]) => n > 1).map(([id]) => id);
  for (const id of duplicates) {
    const row = all.find((r) => messageIdFor(r.id, PUBLIC_URL) === id);
    expect({ id, uncertain: row?.uncertain }).toEqual({ id, uncertain: true });
  }
  return duplicates;
}

/** A small seeded generator (mulberry32): the same faults, in the same order, on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

type Fault = 'none' | 'slow' | 'temporary' | 'permanent' | 'mid-data' | 'before-reply';

/** What the chaotic server does with the n-th message it is handed, drawn once from the seed. */
function faultPlan(seed: number, length: number): Fault[] {
  const next = seeded(seed);
  return Array.from({ length }, () => {
    const r = next();
    if (r < 0.38) return 'none';
    if (r < 0.53) return 'slow';
    if (r < 0.7) return 'temporary';
    if (r < 0.8) return 'permanent';
    if (r < 0.9) return 'mid-data';
    return 'before-reply';
  });
}

describe('mail reliability over real SMTP', () => {
  it('should lose nothing while the SMTP server is down and deliver each message once when it is back', async () => {
    const port = await closedPort();
    const t = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}?starttls=off` });
    let sink: Awaited<ReturnType<typeof startSmtpSink>> | null = null;
    try {
      const admin = await t.signInAs(Role.Administrator);
      for (let i = 0; i < 5; i++) await inviteSomeone(t, `down.${i}@test.heard.example`, admin);
      const worker = t.app.get(MailWorker);
      await worker.runOnce();
      await makeDue(t.db);
      await worker.runOnce();
      for (const row of await rows(t.db)) {
        expect(row).toMatchObject({ status: 'pending', attempts: 2, uncertain: false });
        expect(row.lastError).toMatch(/ECONNREFUSED/);
      }

      sink = await startSmtpSink(undefined, { port });
      await drain(t.db, worker);
      const all = await rows(t.db);
      expect(all).toHaveLength(5);
      expect(sink.received).toHaveLength(5);
      expect(expectDeliveredOnceUnlessUncertain(all, countByMessageId(sink.received))).toEqual([]);
    } finally {
      await t.close();
      await sink?.close();
    }
  });

  it('should deliver everything after the API process is killed mid-batch, repeating only uncertain messages', async () => {
    // The child is the real entry point (apps/api/src/main.ts) with its background worker on. On the
    // server it shares this test's database. On PGlite a database is one process's files, so the
    // child gets a file-backed PGlite that this test fills first, closes, and opens again after the kill.
    const dataDir = mkdtempSync(join(tmpdir(), 'heard-mail-kill-'));
    let t: TestApp | null = null;
    let db: DataSource | null = null;
    let killed = false;
    const child = { kill: (): void => undefined } as { kill: () => void };
    const sink = await startSmtpSink(undefined, {
      replyDelayMs: 300,
      // The third message is in the server's hands, its answer not yet sent: kill the sender now.
      onReceived: (_mail, count) => {
        if (count === 3 && !killed) {
          killed = true;
          child.kill();
        }
      },
    });
    try {
      const env: Record<string, string> = {
        DATA_DIR: dataDir,
        SMTP_URL: sink.url,
        MAIL_POLL_MS: '100',
        DEMO_DATA: 'false',
        PUBLIC_URL,
        NODE_ENV: 'test',
        PORT: String(await closedPort()),
      };
      if (onServer) {
        t = await createTestApp();
        db = t.db;
        env['DATABASE_URL'] = t.config.databaseUrl as string;
      } else {
        db = await openDatabase({
          databaseUrl: null,
          pgliteDir: embeddedDataDir(dataDir),
          pgliteSnapshot: embeddedStart().snapshot,
          pgliteParts: embeddedStart().parts,
        });
      }
      await enqueueMany(db, 10, 'kill');
      if (!onServer) {
        await db.destroy();
        db = null;
      }

      const exit = await new Promise<{ signal: string | null; output: string }>((resolve, reject) => {
        const proc = spawnEntry(env);
        child.kill = () => proc.kill('SIGKILL');
        let output = '';
        proc.stdout?.on('data', (c: Buffer) => (output += c.toString()));
        proc.stderr?.on('data', (c: Buffer) => (output += c.toString()));
        // Starting the API, compiled as it loads, takes seconds idle and far longer on a loaded machine.
        const timer = setTimeout(() => {
          proc.kill('SIGKILL');
          reject(new Error(`The API never reached the third message:\n${output}`));
        }, 180_000);
        proc.on('exit', (_code, signal) => {
          clearTimeout(timer);
          resolve({ signal, output });
        });
      });
      expect(exit.signal).toBe('SIGKILL');
      expect(sink.received).toHaveLength(3);

      db ??= await openDatabase({ databaseUrl: null, pgliteDir: embeddedDataDir(dataDir) });
      const afterKill = await rows(db);
      // Two were sent and recorded; the third was in flight and the rest of the batch was waiting.
      expect(afterKill.filter((r) => r.status === 'sent')).toHaveLength(2);
      expect(afterKill.filter((r) => r.status === 'sending')).toHaveLength(8);
      const inFlight = sink.received[2].messageId;

      // A restarted worker leaves the dead process's claims alone until their lease runs out.
      const restarted = new MailWorker(db, workerConfig(dataDir, sink.url));
      try {
        expect(await restarted.runOnce()).toBe(0);
        expect(await openCount(db)).toBe(8);
        // LEASE_SECONDS later:
        await db.query(
          `UPDATE mail_outbox SET lease_until = now() - interval '1 second' WHERE status = 'sending'`,
        );
        await drain(db, restarted);
      } finally {
        await restarted.onApplicationShutdown();
      }

      const all = await rows(db);
      const duplicates = expectDeliveredOnceUnlessUncertain(all, countByMessageId(sink.received));
      expect(duplicates).toEqual([inFlight]);
      expect(all.filter((r) => r.uncertain)).toHaveLength(8);
      expect(all.find((r) => r.uncertain)?.lastError).toBeNull();
      expect(sink.received).toHaveLength(11);
    } finally {
      if (t) await t.close();
      else if (db?.isInitialized) await db.destroy();
      await sink.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 240_000);

  it('should never send a message twice when two workers share the outbox', async () => {
    // On the server each worker has its own connection pool, so their claims really overlap and
    // FOR UPDATE SKIP LOCKED is what keeps them apart. PGlite is one connection in one process: the
    // two workers share it, and their claims queue on it, interleaved between sends.
    const sink = await startSmtpSink(undefined, { replyDelayMs: 2 });
    const t = await createTestApp();
    const second = onServer
      ? await openDatabase(
          { databaseUrl: t.config.databaseUrl, pgliteDir: undefined },
          { runMigrations: false },
        )
      : t.db;
    const config = workerConfig(t.config.dataDir, sink.url);
    const workers = [new MailWorker(t.db, config), new MailWorker(second, config)];
    const claimedBy = [0, 0];
    try {
      // Many short rounds: each starts both workers at the same moment, so their claims collide.
      for (let round = 0; round < 10; round++) {
        await enqueueMany(t.db, 6, `two.${round}`);
        await Promise.all(
          workers.map(async (worker, i) => {
            // Each worker keeps going until the outbox is empty: while the other one holds the
            // last claims, it has nothing to take and waits its turn.
            await waitFor(async () => {
              const claimed = await worker.runOnce(3);
              claimedBy[i] += claimed;
              return claimed === 0 && (await openCount(t.db)) === 0;
            }, `round ${round} of the outbox to empty`);
          }),
        );
      }
      const all = await rows(t.db);
      expect(all).toHaveLength(60);
      expect(sink.received).toHaveLength(60);
      expect(expectDeliveredOnceUnlessUncertain(all, countByMessageId(sink.received))).toEqual([]);
      expect(all.some((r) => r.uncertain)).toBe(false);
      // Both took part.
      expect(claimedBy[0]).toBeGreaterThan(0);
      expect(claimedBy[1]).toBeGreaterThan(0);
    } finally {
      for (const worker of workers) await worker.onApplicationShutdown();
      if (second !== t.db) await second.destroy();
      await t.close();
      await sink.close();
    }
  }, 120_000);

  it('should stop after MAX_ATTEMPTS temporary failures, or interrupted sends, and keep the reason', async () => {
    const sink = await startSmtpSink(() => ({ code: 451, message: 'Greylisted, try again later' }));
    const t = await createTestApp({ SMTP_URL: sink.url });
    try {
      const userId = await inviteSomeone(t, 'smtp.give-up@test.heard.example');
      const worker = t.app.get(MailWorker);
      for (let i = 0; i < MAX_ATTEMPTS; i++) {
        await makeDue(t.db);
        expect(await worker.runOnce()).toBe(1);
      }
      await makeDue(t.db);
      expect(await worker.runOnce()).toBe(0);
      const row = await t.db.getRepository(MailMessage).findOneByOrFail({ relatedId: userId });
      expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, uncertain: false });
      expect(row.lastError).toMatch(/451.*Greylisted/);
      expect([row.textBody, row.htmlBody]).toEqual([null, null]);
      expect(sink.attempts()).toBe(MAX_ATTEMPTS);

      // A message whose sender dies every time is not retried for ever either.
      const poison = await inviteSomeone(t, 'smtp.poison@test.heard.example');
      await t.db.query(
        `UPDATE mail_outbox SET status = 'sending', attempts = $1, claim_token = gen_random_uuid(),
                claimed_at = now() - interval '1 hour', lease_until = now() - interval '1 second'
          WHERE related_id = $2`,
        [MAX_ATTEMPTS, poison],
      );
      expect(await worker.runOnce()).toBe(0);
      const swept = await t.db.getRepository(MailMessage).findOneByOrFail({ relatedId: poison });
      expect(swept).toMatchObject({
        status: 'failed',
        uncertain: true,
        lastError: INTERRUPTED,
        claimToken: null,
        textBody: null,
        htmlBody: null,
      });
      expect(sink.attempts()).toBe(MAX_ATTEMPTS);
    } finally {
      await t.close();
      await sink.close();
    }
  });

  it('should take back a claim only after its lease runs out, and keep the new owner’s result', async () => {
    // The first worker's server answers 451 only once the test lets it; meanwhile its lease runs out
    // and a second worker sends the message. The first worker's late failure must not overwrite the
    // second one's success.
    const firstReply = gate();
    const sink = await startSmtpSink(
      (attempt) => (attempt === 1 ? { code: 451, message: 'Slow and unhappy' } : 'accept'),
      { holdReply: (attempt) => (attempt === 1 ? firstReply.opened : undefined) },
    );
    const t = await createTestApp({ SMTP_URL: sink.url });
    const other = new MailWorker(t.db, workerConfig(t.config.dataDir, sink.url));
    try {
      const userId = await inviteSomeone(t, 'smtp.lease@test.heard.example');
      const first = t.app.get(MailWorker).runOnce();
      await waitFor(() => sink.attempts() > 0, 'the first worker to hand the message over');
      expect(sink.attempts()).toBe(1);

      // The lease is live: the other worker neither sweeps nor sends it.
      expect(await other.runOnce()).toBe(0);
      let row = await t.db.getRepository(MailMessage).findOneByOrFail({ relatedId: userId });
      expect(row).toMatchObject({ status: 'sending', uncertain: false });
      expect(row.leaseUntil?.getTime()).toBeGreaterThan(Date.now() + 60_000);

      await t.db.query(`UPDATE mail_outbox SET lease_until = now() - interval '1 second'`);
      expect(await other.runOnce()).toBe(1);
      row = await t.db.getRepository(MailMessage).findOneByOrFail({ relatedId: userId });
      expect(row).toMatchObject({ status: 'sent', uncertain: true, claimToken: null });

      firstReply.open();
      expect(await first).toBe(1);
      row = await t.db.getRepository(MailMessage).findOneByOrFail({ relatedId: userId });
      expect(row).toMatchObject({ status: 'sent', uncertain: true, lastError: null, attempts: 2 });
      expect(sink.received).toHaveLength(1);
    } finally {
      firstReply.open();
      await other.onApplicationShutdown();
      await t.close();
      await sink.close();
    }
  });

  it('should cut off a send when the server stops answering, retry it, and mark it uncertain', async () => {
    const saved = { ...SMTP_LIMITS };
    // Only the deadline on the whole send may end the first one; a few seconds, so that handing the
    // message over fits inside it even on a loaded machine.
    SMTP_LIMITS.sendDeadlineMs = 5000;
    // The first time, the server takes the message and then says nothing until the test ends.
    const silence = gate();
    const sink = await startSmtpSink(undefined, {
      holdReply: (attempt) => (attempt === 1 ? silence.opened : undefined),
    });
    const t = await createTestApp({ SMTP_URL: sink.url });
    try {
      const userId = await inviteSomeone(t, 'smtp.silent@test.heard.example');
      const worker = t.app.get(MailWorker);
      // It returns although the server never answered: the send was cut off.
      await worker.runOnce();
      expect(sink.attempts()).toBe(1);
      SMTP_LIMITS.sendDeadlineMs = saved.sendDeadlineMs;
      let row = await t.db.getRepository(MailMessage).findOneByOrFail({ relatedId: userId });
      expect(row).toMatchObject({ status: 'pending', uncertain: true, claimToken: null });
      expect(row.lastError).toMatch(/timeout|timed out|abort/i);

      await makeDue(t.db);
      await worker.runOnce();
      row = await t.db.getRepository(MailMessage).findOneByOrFail({ relatedId: userId });
      expect(row.status).toBe('sent');
      expect(expectDeliveredOnceUnlessUncertain([row], countByMessageId(sink.received))).toHaveLength(1);
    } finally {
      silence.open();
      Object.assign(SMTP_LIMITS, saved);
      await t.close();
      await sink.close();
    }
  });

  it('should answer requests at normal speed while the worker waits on a slow server, and finish its send on shutdown', async () => {
    // The server holds its answer to the first message until the test lets it go, so the requests
    // below are answered while that send is surely in flight, however slow the machine.
    const firstReply = gate();
    const sink = await startSmtpSink(undefined, {
      holdReply: (attempt) => (attempt === 1 ? firstReply.opened : undefined),
    });
    const t = await createTestApp({ SMTP_URL: sink.url, MAIL_POLL_MS: '20' });
    try {
      const admin = await t.signInAs(Role.Administrator);
      const userId = await inviteSomeone(t, 'smtp.slow@test.heard.example', admin);
      await waitFor(() => sink.attempts() > 0, 'the worker to hand the message over');
      expect(sink.attempts()).toBe(1);

      // Had the worker kept the database while it waits, these would wait for the held reply for ever.
      await inviteSomeone(t, 'smtp.slow.2@test.heard.example', admin);
      expect((await admin.get('/api/users')).status).toBe(200);

      // Stopping waits for the message in flight and records it.
      let closed = false;
      const closing = t.app.close().then(() => (closed = true));
      await new Promise((r) => setTimeout(r, 100));
      expect(closed).toBe(false);
      firstReply.open();
      await closing;
      const row = await t.db.getRepository(MailMessage).findOneByOrFail({ relatedId: userId });
      expect(row.status).toBe('sent');
    } finally {
      firstReply.open();
      await t.close();
      await sink.close();
    }
  });
  it('should end every message sent or failed with its reason, against a server that is slow, drops connections and refuses at random', async () => {
    // The n-th DATA the server sees gets the n-th fault of a fixed plan. The background worker sends
    // one message at a time, so which row meets which fault can differ between runs, but not the
    // faults themselves; the checks below hold whichever row meets them.
    const plan = faultPlan(20261205, 1000);
    const faultOf = (n: number): Fault => plan[n - 1] ?? 'none';
    const sink = await startSmtpSink(
      (n) =>
        faultOf(n) === 'temporary'
          ? { code: 451, message: 'Busy, try again later' }
          : faultOf(n) === 'permanent'
            ? { code: 550, message: 'No such mailbox here' }
            : 'accept',
      {
        // Slow but inside every SMTP limit: a slow server is not a failed one.
        replyDelayMs: (n) => (faultOf(n) === 'slow' ? 400 + (n % 5) * 300 : 0),
        dropConnection: (n) => {
          const fault = faultOf(n);
          return fault === 'mid-data' || fault === 'before-reply' ? fault : undefined;
        },
      },
    );
    const t = await createTestApp({ SMTP_URL: sink.url, MAIL_POLL_MS: '20' });
    try {
      await enqueueMany(t.db, 40, 'chaos');
      // The real background worker runs; the test only brings retries forward instead of waiting out
      // their backoff, until nothing is left to send.
      await waitFor(
        async () => {
          await makeDue(t.db);
          await new Promise((r) => setTimeout(r, 200));
          return (await openCount(t.db)) === 0;
        },
        'the outbox to be quiet',
        240_000,
      );
      const all = await rows(t.db);
      expect(all).toHaveLength(40);
      const counts = countByMessageId(sink.received);
      const byMessageId = new Map(all.map((r) => [messageIdFor(r.id, PUBLIC_URL), r]));

      for (const row of all) {
        const delivered = counts.get(messageIdFor(row.id, PUBLIC_URL)) ?? 0;
        const seen = { id: row.id, status: row.status, lastError: row.lastError, uncertain: row.uncertain };
        expect(row.attempts).toBeLessThanOrEqual(MAX_ATTEMPTS);
        if (row.status === 'sent') {
          // Recorded as sent only once the server took it.
          expect({ ...seen, delivered: delivered > 0 }).toEqual({ ...seen, delivered: true });
          expect(row.lastError).toBeNull();
        } else {
          expect(row.status).toBe('failed');
          // The reason: refused for good, or still refused (or cut off) after every attempt.
          expect(row.lastError).toMatch(row.attempts < MAX_ATTEMPTS ? /^5\d\d / : /\S/);
          // A failed message the server may have taken after all says so.
          if (delivered > 0) expect(seen).toEqual({ ...seen, uncertain: true });
        }
        // Whatever arrived more than once belongs to a row that says it may have.
        if (delivered > 1) expect(seen).toEqual({ ...seen, uncertain: true });
        // Nothing is kept of a message once it is done with.
        expect([row.textBody, row.htmlBody]).toEqual([null, null]);
      }
      // Everything the server took was one of ours.
      for (const id of counts.keys()) expect(byMessageId.has(id)).toBe(true);
      // Every DATA the server saw is an attempt counted on a row: none unrecorded.
      expect(sink.dataStarted()).toBe(all.reduce((sum, r) => sum + r.attempts, 0));

      // The plan did meet every kind of fault, and they had their effect.
      const met = new Set(plan.slice(0, sink.dataStarted()));
      expect([...met].sort()).toEqual(
        ['before-reply', 'mid-data', 'none', 'permanent', 'slow', 'temporary'].sort(),
      );
      expect(sink.dropped.midData).toBeGreaterThan(0);
      expect(sink.dropped.beforeReply).toBeGreaterThan(0);
      expect(all.some((r) => r.status === 'failed' && /^550 /.test(r.lastError ?? ''))).toBe(true);
      expect(all.some((r) => r.uncertain)).toBe(true);
      // A message taken just before its connection was cut is sent again, and that row says so.
      expect([...counts.values()].some((n) => n > 1)).toBe(true);
    } finally {
      await t.close();
      await sink.close();
    }
  }, 300_000);
});
