import { SmtpSink, startSmtpSink } from '../../api/support/smtp-sink';
import { BrowserHandle, launchBrowser } from './browser';
import { RunningServer, startServer } from './server';

export interface Started {
  server: RunningServer;
  browser: BrowserHandle;
}

export interface StartedWithMail extends Started {
  sink: SmtpSink;
}

/**
 * One server and one browser for the describe block this is called in, handed to `ready` once
 * started. After each test, no page may have hit a script error or a Content-Security-Policy
 * refusal; at the end the server must shut down gracefully (SIGTERM lets requests finish, closes
 * the database and exits 0).
 */
export function startServerAndBrowser(ready: (started: Started) => void): void {
  suiteHooks(false, {}, ready);
}

/**
 * As startServerAndBrowser, with the server's mail going to a real SMTP listener started first;
 * `env` adds to the server's environment (e.g. JOB_LOOK_MS, so a daily job's mail is seen).
 */
export function startServerBrowserAndMail(
  ready: (started: StartedWithMail) => void,
  env: Record<string, string> = {},
): void {
  suiteHooks(true, env, ({ sink, ...rest }) => {
    if (!sink) throw new Error('The SMTP listener did not start');
    ready({ ...rest, sink });
  });
}

function suiteHooks(
  mail: boolean,
  env: Record<string, string>,
  ready: (started: Started & { sink?: SmtpSink }) => void,
): void {
  let server: RunningServer | undefined;
  let browser: BrowserHandle | undefined;
  let sink: SmtpSink | undefined;

  beforeAll(async () => {
    if (mail) sink = await startSmtpSink();
    server = await startServer(sink ? { ...env, SMTP_URL: sink.url } : env);
    browser = await launchBrowser();
    ready({ server, browser, sink });
  });
  afterAll(async () => {
    await browser?.close();
    expect(await server?.stop()).toBe(0);
    await sink?.close();
  });
  afterEach(() => {
    expect(browser?.problems).toEqual([]);
  });
}
