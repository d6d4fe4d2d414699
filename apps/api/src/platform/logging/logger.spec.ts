import { spawn, spawnSync } from 'node:child_process';
import { AddressInfo } from 'node:net';
import { Server, ServerResponse, createServer, request } from 'node:http';
import { Writable } from 'node:stream';
import { createLogger, requestLogger } from './logger';

interface Line {
  level: number;
  msg: string;
  req: { id: string; method: string; path: string };
  res: { statusCode: number };
  responseTime: number;
  err?: { message: string };
}

const ERROR = 50;
const INFO = 30;

/** A real HTTP server whose only middleware is the request logger, answering as each test asks. */
async function serve(
  level: 'info' | 'warn',
  answer: (res: ServerResponse) => void,
): Promise<{ server: Server; url: string; lines: Line[] }> {
  const lines: Line[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString('utf8').split('\n').filter(Boolean))
        lines.push(JSON.parse(text) as Line);
      done();
    },
  });
  const log = requestLogger(createLogger(level, sink));
  const server = createServer((req, res) => log(req, res, () => answer(res)));
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, lines };
}

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((next) => setTimeout(next, 5));
}

describe('requestLogger', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise((closed) => server?.close(closed));
    server = undefined;
  });

  it('should write one line a request with its id, method, masked path, status and time', async () => {
    const served = await serve('info', (res) => res.end('ok'));
    server = served.server;
    const res = await fetch(`${served.url}/api/rsvp/aSecretAnswerToken1234?x=1`);
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await until(() => served.lines.length > 0);
    expect(served.lines).toEqual([
      expect.objectContaining({
        level: INFO,
        msg: 'request completed',
        req: { id, method: 'GET', path: '/api/rsvp/:token' },
        res: { statusCode: 200 },
        responseTime: expect.any(Number),
      }),
    ]);
  });

  it('should keep a well-formed request id it is sent and replace one that is not', async () => {
    const served = await serve('info', (res) => res.end('ok'));
    server = served.server;
    const kept = await fetch(served.url, { headers: { 'x-request-id': 'proxy-id-12345678' } });
    expect(kept.headers.get('x-request-id')).toBe('proxy-id-12345678');
    const replaced = await fetch(served.url, { headers: { 'x-request-id': 'bad id; <script>' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    await until(() => served.lines.length === 2);
    expect(served.lines.map((l) => l.req.id)).toEqual([
      'proxy-id-12345678',
      replaced.headers.get('x-request-id'),
    ]);
  });

  it('should log a server error at error level with its status', async () => {
    const served = await serve('warn', (res) => {
      res.statusCode = 503;
      res.end('down');
    });
    server = served.server;
    await fetch(served.url);
    await until(() => served.lines.length > 0);
    expect(served.lines).toEqual([
      expect.objectContaining({
        level: ERROR,
        msg: 'request errored',
        res: { statusCode: 503 },
        err: expect.objectContaining({ message: 'failed with status code 503' }),
      }),
    ]);
  });

  it('should write nothing for a finished request below the level, once for one the client left', async () => {
    const quiet = await serve('warn', (res) => res.end('ok'));
    server = quiet.server;
    await fetch(quiet.url);
    await new Promise((closed) => server?.close(closed));

    const served = await serve('info', () => undefined);
    server = served.server;
    await new Promise<void>((done) => {
      const req = request(served.url);
      req.on('error', () => done());
      req.end(() => setTimeout(() => req.destroy(), 50));
    });
    await until(() => served.lines.length > 0);
    await new Promise((settle) => setTimeout(settle, 50));
    expect(quiet.lines).toEqual([]);
    expect(served.lines).toEqual([
      expect.objectContaining({ level: INFO, msg: 'request aborted', res: { statusCode: 200 } }),
    ]);
    served.server.closeAllConnections();
  });
});

/**
 * The child's environment: ours, less the colour settings. With both NO_COLOR and FORCE_COLOR set
 * (as CI's runs are), Node 24 warns on standard error, which the tests read for errors.
 */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TS_NODE_PROJECT: require.resolve('../../../tsconfig.app.json'),
  };
  delete env['NO_COLOR'];
  delete env['FORCE_COLOR'];
  return env;
}

/** A spawned process compiles the logger as it loads: seconds idle, far longer on a loaded machine. */
const SPAWNED_MS = 120_000;

describe('createLogger on standard output', () => {
  it(
    'should write every line out before the process exits, even on process.exit',
    () => {
      const script = `
      const { createLogger } = require(${JSON.stringify(require.resolve('./logger'))});
      const logger = createLogger('info');
      for (let i = 0; i < 5000; i++) logger.info({ i }, 'line');
      process.exit(0);`;
      const run = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], {
        encoding: 'utf8',
        env: childEnv(),
        maxBuffer: 64 * 1024 * 1024,
        timeout: SPAWNED_MS,
      });
      expect(run.stderr).toBe('');
      const numbers = run.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => (JSON.parse(l) as { i: number }).i);
      expect(numbers).toEqual(Array.from({ length: 5000 }, (_, i) => i));
    },
    SPAWNED_MS,
  );

  it(
    'should write out its batched lines first when asked, before something is written straight out',
    () => {
      // As main.ts does before its banner: without the flush, the banner would come first.
      const script = `
      const { createLogger, flushLogLines } = require(${JSON.stringify(require.resolve('./logger'))});
      const logger = createLogger('info');
      logger.info('before the banner');
      flushLogLines(logger);
      process.stdout.write('BANNER\\n');
      logger.info('after the banner');`;
      const run = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], {
        encoding: 'utf8',
        env: childEnv(),
        timeout: SPAWNED_MS,
      });
      expect(run.stderr).toBe('');
      const lines = run.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => (l === 'BANNER' ? l : (JSON.parse(l) as { msg: string }).msg));
      expect(lines).toEqual(['before the banner', 'BANNER', 'after the banner']);
    },
    SPAWNED_MS,
  );

  it(
    'should write a lone line out while the process keeps running',
    async () => {
      // The child logs one line and stays up until told; the test waits for the line, however long.
      const script = `
      const { createLogger } = require(${JSON.stringify(require.resolve('./logger'))});
      createLogger('info').info('alone');
      process.stdin.resume();
      process.stdin.on('end', () => process.exit(0));`;
      const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], {
        env: childEnv(),
      });
      let out = '';
      let exited = false;
      child.on('exit', () => (exited = true));
      await new Promise<void>((seen) =>
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString('utf8');
          if (out.includes('"msg":"alone"')) seen();
        }),
      );
      expect(exited).toBe(false);
      child.stdin.end();
      await new Promise((done) => child.on('close', done));
    },
    SPAWNED_MS,
  );
});
