import { CookieAccessInfo, CookieJar } from 'cookiejar';
import { INestApplication } from '@nestjs/common';
import { Role, SessionResponse, roleRequiresSecondFactor } from '@heard/domain';
import { createHeardApp } from '@heard/api/app/create-app';
import { hashPassword } from '@heard/api/platform/auth/passwords';
import {
  TOTP_STEP_SECONDS,
  TOTP_WINDOW,
  hotp,
  base32Decode,
  newTotpSecret,
  totpStep,
} from '@heard/api/platform/auth/totp';
import { Clock } from '@heard/api/platform/clock';
import { AppConfig, loadConfig } from '@heard/api/platform/config/config';
import { openDatabase } from '@heard/api/platform/database/database';
import { createLogger } from '@heard/api/platform/logging/logger';
import { User } from '@heard/api/app/users/entities/user.entity';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import type { Logger as PinoLogger } from 'pino';
import { DataSource, Logger } from 'typeorm';
import { DOCUMENT_THREAD_ENV } from './bundle-thread';
import { embeddedStart } from './embedded-snapshot';
import { cloneTemplate, dropDatabase, serverTestUrl } from './server-databases';
import { mark, recordSetUp } from './timings';

export const TEST_PASSWORD = 'a-long-test-password-42';

export interface TestApp {
  app: INestApplication;
  db: DataSource;
  config: AppConfig;
  /** A fresh client with no cookies. */
  anonymous(): TestAgent;
  /** A signed-in client that sends the CSRF header on every request. */
  signIn(email: string, password?: string): Promise<SignedInClient>;
  /** Creates an active user with TEST_PASSWORD and signs them in. */
  signInAs(role: Role, overrides?: Partial<User>): Promise<SignedInClient>;
  close(): Promise<void>;
}

export interface SignedInClient {
  agent: TestAgent;
  session: SessionResponse;
  user: TestUser;
  get(url: string): request.Test;
  post(url: string, body?: object): request.Test;
  put(url: string, body?: object): request.Test;
  patch(url: string, body?: object): request.Test;
  delete(url: string): request.Test;
}

let fileCounter = 0;

/**
 * The real application on a real PostgreSQL: an in-memory PGlite started from the migrated
 * snapshot by default, or a fresh copy of the migrated template database when TEST_DATABASE_URL
 * is set. Migrations still run on start, as in production; they find nothing to do.
 */
export async function createTestApp(
  env: Record<string, string> = {},
  options: { queryLogger?: Logger; appLogger?: PinoLogger; clock?: Clock } = {},
): Promise<TestApp> {
  const started = mark();
  const dataDir = mkdtempSync(join(tmpdir(), 'heard-test-'));
  const serverUrl = serverTestUrl();
  let copyName: string | null = null;
  let databaseUrl: string | null = null;
  if (serverUrl) {
    copyName = `${new URL(serverUrl).pathname.slice(1)}_f_${process.pid}_${++fileCounter}_${Date.now() % 100000}`;
    databaseUrl = await cloneTemplate(serverUrl, copyName);
  }
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    MAIL_POLL_MS: '0',
    DEMO_DATA: 'false',
    PUBLIC_URL: 'http://heard.test',
    // Built by global setup: documents are made on their thread here as in production.
    DOCUMENT_THREAD: process.env[DOCUMENT_THREAD_ENV] ?? '',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...env,
  });
  const start = databaseUrl ? undefined : embeddedStart();
  const db = await openDatabase(
    { databaseUrl, pgliteDir: undefined, pgliteSnapshot: start?.snapshot, pgliteParts: start?.parts },
    { logger: options.queryLogger },
  );
  const databaseReady = mark();
  const app = await createHeardApp(config, db, options.appLogger ?? createLogger('silent'), {
    clock: options.clock,
  });
  recordSetUp(started, databaseReady, mark());
  const server = app.getHttpServer();
  let userCounter = 0;

  const appClock = app.get(Clock);

  /**
   * The second step, as a person with the authenticator app would take it: a code for a step the app
   * accepts now and later than the last one used. Three sign-ins fit in one step (the window either
   * side); past that a ManualClock is moved on to the next step and a real clock waited for, as a
   * person would wait for the next code.
   */
  const secondStep = async (agent: TestAgent, first: SessionResponse): Promise<SessionResponse> => {
    const [row] = (await db.query(
      `SELECT totp_secret AS secret, totp_last_step::text AS "lastStep" FROM users WHERE id = $1`,
      [first.user.id],
    )) as { secret: string | null; lastStep: string | null }[];
    if (!row?.secret) throw new Error(`${first.user.email} has no authenticator app to sign in with`);
    const lastStep = row.lastStep === null ? null : Number(row.lastStep);
    const freshFrom = lastStep === null ? -Infinity : lastStep + 1;
    let now = totpStep(appClock.now());
    if (freshFrom > now + TOTP_WINDOW) {
      // Every code the app would take now is used: wait for the step whose window reaches a fresh one.
      const waitMs = (freshFrom - TOTP_WINDOW) * TOTP_STEP_SECONDS * 1000 - appClock.now().getTime();
      if (appClock instanceof ManualClock) appClock.advance(waitMs / 1000);
      else await new Promise((resolve) => setTimeout(resolve, waitMs));
      now = totpStep(appClock.now());
    }
    // The step behind is accepted too, but on a real clock only while this step has a while to run:
    // a code sent as the step ends would arrive two steps behind.
    const msLeftInStep = TOTP_STEP_SECONDS * 1000 - (appClock.now().getTime() % (TOTP_STEP_SECONDS * 1000));
    const earliest = appClock instanceof ManualClock || msLeftInStep > 5000 ? now - TOTP_WINDOW : now;
    const step = Math.max(earliest, freshFrom);
    const res = await agent
      .post('/api/auth/second-factor')
      .set('X-XSRF-TOKEN', first.csrfToken)
      .send({ code: hotp(base32Decode(row.secret), step) });
    if (res.status !== 200)
      throw new Error(
        `Second step for ${first.user.email} failed: ${res.status} ${JSON.stringify(res.body)}`,
      );
    return res.body as SessionResponse;
  };

  const signIn = async (email: string, password = TEST_PASSWORD): Promise<SignedInClient> => {
    const agent = request.agent(server);
    const res = await agent.post('/api/auth/sign-in').send({ email, password });
    if (res.status !== 200)
      throw new Error(`Sign-in as ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
    let session = res.body as SessionResponse;
    if (session.pendingStep === 'second_factor') session = await secondStep(agent, session);
    const stored = await db.getRepository(User).findOneByOrFail({ id: session.user.id });
    // Signed in by email and password, so the account has an email.
    if (stored.email === null) throw new Error(`${email} has no email stored`);
    const user = Object.assign(stored, { email: stored.email });
    const csrf = () => csrfOf(agent) ?? session.csrfToken;
    return {
      agent,
      session,
      user,
      get: (url) => agent.get(url),
      post: (url, body) => agent.post(url).set('X-XSRF-TOKEN', csrf()).send(body),
      put: (url, body) => agent.put(url).set('X-XSRF-TOKEN', csrf()).send(body),
      patch: (url, body) => agent.patch(url).set('X-XSRF-TOKEN', csrf()).send(body),
      delete: (url) => agent.delete(url).set('X-XSRF-TOKEN', csrf()),
    };
  };

  return {
    app,
    db,
    config,
    anonymous: () => request.agent(server),
    signIn,
    async signInAs(role, overrides = {}) {
      const user = await createUser(db, {
        role,
        ...overrides,
        email: overrides.email ?? `${role}.${++userCounter}@test.heard.example`,
      });
      return signIn(user.email);
    },
    async close() {
      await app.close();
      if (db.isInitialized) await db.destroy();
      if (serverUrl && copyName) await dropDatabase(serverUrl, copyName);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let cachedHash: Promise<string> | null = null;

/**
 * Factory: an active user with TEST_PASSWORD unless told otherwise. Roles that must have a second
 * factor get an authenticator app already set up (a secret of their own, never one shared), unless
 * the test says what `totpSecret` should be; `signIn` then takes the second step with it.
 */
/** A user as the factory makes them: always with an email (only enrolment makes a young expert without one). */
export type TestUser = User & { email: string };

export async function createUser(
  db: DataSource,
  overrides: Partial<User> & { role: Role },
): Promise<TestUser> {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const n = Math.random().toString(36).slice(2, 8);
  const factor =
    roleRequiresSecondFactor(overrides.role) && !('totpSecret' in overrides)
      ? { totpSecret: newTotpSecret(), totpEnrolledAt: new Date() }
      : {};
  const saved = await db.getRepository(User).save(
    db.getRepository(User).create({
      email: `user.${n}@test.heard.example`,
      displayName: `Test User ${n}`,
      status: 'active',
      passwordHash: await cachedHash,
      ...factor,
      ...overrides,
    }),
  );
  const { email } = saved;
  if (email === null) throw new Error('createUser makes accounts that have an email');
  return Object.assign(saved, { email });
}

export async function countRows(db: DataSource, table: string): Promise<number> {
  const [row] = await db.query(`SELECT count(*)::int AS n FROM ${table}`);
  return (row as { n: number }).n;
}

/**
 * The CSRF token a browser would send now: read from the cookie, as the web app does, so a client
 * keeps working after a route renews its session (a factor added, decision 0016).
 */
export function csrfOf(agent: TestAgent): string | undefined {
  const jar = (agent as unknown as { jar: CookieJar }).jar;
  return jar.getCookie('XSRF-TOKEN', CookieAccessInfo.All)?.value;
}

export function expectProblem(res: request.Response, status: number): void {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body.status).toBe(status);
  expect(typeof res.body.detail).toBe('string');
  expect(res.body.detail.length).toBeGreaterThan(5);
}

/** Counts the SQL statements the app sends, to prove list endpoints do not grow with the page (no N+1). */
export class QueryCounter implements Logger {
  count = 0;
  logQuery(): void {
    this.count++;
  }
  logQueryError(): void {
    // only successful statements are counted
  }
  logQuerySlow(): void {
    // not needed for counting
  }
  logSchemaBuild(): void {
    // not needed for counting
  }
  logMigration(): void {
    // not needed for counting
  }
  log(): void {
    // not needed for counting
  }
}

/** A clock a test moves by hand, for answers that depend on time passing (the sign-in slow-down). */
export class ManualClock extends Clock {
  private at: number;

  constructor(start = new Date()) {
    super();
    this.at = start.getTime();
  }

  now(): Date {
    return new Date(this.at);
  }

  advance(seconds: number): void {
    this.at += seconds * 1000;
  }
}
