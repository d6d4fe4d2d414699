/**
 * The floor (issue 16): the benchmark's officer reads answered by a bare `node:http` server and a
 * `pg` pool, with no session, guard, CSRF, logging, helmet, Nest, Express or TypeORM on the way.
 * It calls Heard's own services with a stand-in for their DataSource (floor-db.ts), so each read
 * runs the very SQL Heard runs, including the audit row of a record read, and answers the same
 * JSON: one home for every query, and nothing here to drift. The query is still validated with
 * the route's own schema, as any hand-written server would.
 *
 *   DATABASE_URL=postgres://… PORT=3302 TS_NODE_PROJECT=bench/tsconfig.json \
 *     node -r ts-node/register/transpile-only -r tsconfig-paths/register bench/floor/server.ts
 *
 * or let `npm run bench -- --against-floor` start one on a free port.
 *
 * Acts as the bench officer (bench-users.ts) for every request: no sign-in.
 */
import 'reflect-metadata';
import {
  OnDateQuerySchema,
  PROBLEM_CONTENT_TYPE,
  Role,
  SessionRangeQuerySchema,
  YoungPersonQuerySchema,
} from '@heard/domain';
import { AccessPolicy } from '@heard/api/platform/access/young-person-access';
import { AuditService } from '@heard/api/platform/audit/audit.service';
import { Actor } from '@heard/api/platform/auth/auth-context';
import { SystemClock } from '@heard/api/platform/clock';
import { openDatabase } from '@heard/api/platform/database/database';
import { DomainError, STATUS_BY_CODE } from '@heard/api/platform/errors/domain-error';
import { problem } from '@heard/api/platform/errors/problem';
import { fieldErrors } from '@heard/api/platform/errors/zod.pipe';
import { GroupsService } from '@heard/api/app/groups/groups.service';
import { AttendanceService } from '@heard/api/app/sessions/attendance.service';
import { SessionReads } from '@heard/api/app/sessions/session-reads.service';
import { YoungPeopleCategoriesService } from '@heard/api/app/young-people/young-people-categories.service';
import { YoungPeopleService } from '@heard/api/app/young-people/young-people.service';
import { randomUUID } from 'node:crypto';
import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import type { Pool } from 'pg';
import { z } from 'zod';
import { BENCH_USERS } from '../bench-users';
import { FloorDb } from './floor-db';
import { FLOOR_ROUTES } from './floor-routes';

type Query = Record<string, string>;
type Handler = (actor: Actor, id: string, query: Query) => Promise<unknown>;

function parse<S extends z.ZodType>(schema: S, query: Query): z.output<S> {
  const result = schema.safeParse(query);
  if (!result.success)
    throw new DomainError('validation', 'Please check the query.', fieldErrors(result.error));
  return result.data;
}

/** The officer reads of bench/run.ts, each as its controller in apps/api calls its service. */
function routes(db: FloorDb): { pattern: RegExp; handle: Handler }[] {
  const ds = db.asDataSource();
  const access = new AccessPolicy();
  const audit = new AuditService(ds);
  const reads = new SessionReads(ds);
  const categories = new YoungPeopleCategoriesService(ds, audit, new SystemClock());
  const youngPeople = new YoungPeopleService(ds, audit, access, categories);
  const groups = new GroupsService(ds, audit, access);
  const attendance = new AttendanceService(ds, audit, reads, access);
  return [
    {
      pattern: FLOOR_ROUTES.youngPeople,
      handle: (actor, _id, q) => youngPeople.list(actor, parse(YoungPersonQuerySchema, q)),
    },
    { pattern: FLOOR_ROUTES.youngPerson, handle: (actor, id) => youngPeople.get(actor, id) },
    { pattern: FLOOR_ROUTES.group, handle: (_actor, id) => groups.get(id) },
    {
      pattern: FLOOR_ROUTES.members,
      handle: (actor, id, q) => groups.members(actor, id, parse(OnDateQuerySchema, q).on),
    },
    {
      pattern: FLOOR_ROUTES.attendance,
      handle: (actor, id) => groups.find(id).then(() => attendance.forGroup(actor, id)),
    },
    {
      pattern: FLOOR_ROUTES.sessions,
      handle: (_actor, _id, q) => reads.list(parse(SessionRangeQuerySchema, q)),
    },
  ];
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  type = 'application/json; charset=utf-8',
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export async function startFloor(options: {
  databaseUrl: string;
  port: number;
}): Promise<{ url: string; close: () => Promise<void> }> {
  // Heard's own DataSource, only for its pool (same size and settings): it serves the floor's
  // queries directly.
  const typeorm = await openDatabase(
    { databaseUrl: options.databaseUrl, pgliteDir: undefined },
    { runMigrations: false },
  );
  const pool = (typeorm.driver as unknown as { master: Pool }).master;
  const db = new FloorDb(pool);
  const officer = BENCH_USERS.find((u) => u.role === Role.ParticipationOfficer);
  if (!officer) throw new Error('bench-users.ts names no participation officer.');
  const [user] = await db.query<{ id: string; role: Role }[]>('SELECT id, role FROM users WHERE email = $1', [
    officer.email,
  ]);
  if (!user) throw new Error(`No ${officer.email} in this database: did you run npm run bench:data?`);
  const table = routes(db);

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://floor');
    const actor: Actor = { userId: user.id, role: user.role, sessionId: 'floor', requestId: randomUUID() };
    for (const { pattern, handle } of table) {
      const match = req.method === 'GET' ? pattern.exec(url.pathname) : null;
      if (!match) continue;
      handle(actor, match[1] ?? '', Object.fromEntries(url.searchParams)).then(
        (body) => send(res, 200, body),
        (error: unknown) => {
          if (error instanceof DomainError) {
            const status = STATUS_BY_CODE[error.code];
            send(res, status, problem(status, error.detail, { errors: error.errors }), PROBLEM_CONTENT_TYPE);
          } else {
            process.stderr.write(`${(error as Error).stack}\n`);
            send(res, 500, problem(500, 'The floor failed.'), PROBLEM_CONTENT_TYPE);
          }
        },
      );
      return;
    }
    send(res, 404, problem(404, 'The floor does not serve this.'), PROBLEM_CONTENT_TYPE);
  });
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await typeorm.destroy();
    },
  };
}

if (require.main === module) {
  const databaseUrl = process.env['DATABASE_URL'];
  if (!databaseUrl) {
    process.stderr.write('Set DATABASE_URL to the benchmark database.\n');
    process.exit(78);
  }
  startFloor({ databaseUrl, port: Number(process.env['PORT'] ?? 3302) }).then(
    (floor) => {
      // bench/run.ts reads this line to find a floor it started on a free port.
      process.stdout.write(`Floor listening on ${floor.url}\n`);
      // No draining: the load generator leaves requests in flight, and a bench has nothing to keep.
      const stop = () => process.exit(0);
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    },
    (error: Error) => {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    },
  );
}
