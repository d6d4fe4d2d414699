import { AddressInfo, Socket, createServer } from 'node:net';
import { SMTPServer, SMTPServerDataStream, SMTPServerSession } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  raw: string;
  messageId: string | null;
}

export type SmtpVerdict = 'accept' | { code: number; message: string };

export interface SmtpSinkOptions {
  /** Listen on this port (0, the default, picks a free one). */
  port?: number;
  /**
   * Wait this long after the message body before answering, like a slow relay. An accepted
   * message is counted as received as soon as its body is in, before the answer: a client that
   * dies while waiting has still handed it over.
   */
  replyDelayMs?: number | ((attempt: number) => number);
  /**
   * Answer only once the promise returned for this attempt settles (undefined: answer now). A
   * test that needs the server to be mid-reply while something else happens holds the reply
   * until then, instead of guessing a delay long enough on a busy machine.
   */
  holdReply?: (attempt: number) => Promise<void> | undefined;
  /** Called as each accepted message is received, before the answer is sent. */
  onReceived?: (mail: ReceivedMail, count: number) => void;
  /**
   * Cut the connection instead of answering, as a failing relay or network does: 'mid-data' as
   * the body starts to arrive, so nothing is received; 'before-reply' once an accepted body is in
   * and counted as received, so the client cannot know it was taken. When this is set, every
   * callback's number counts each DATA begun (from 1), dropped or not.
   */
  dropConnection?: (attempt: number) => 'mid-data' | 'before-reply' | undefined;
}

export interface SmtpSink {
  url: string;
  port: number;
  received: ReceivedMail[];
  /** Messages whose body arrived, accepted or refused. */
  attempts: () => number;
  /** Times a client began DATA, including those cut off (see dropConnection). */
  dataStarted: () => number;
  /** Connections cut by dropConnection, by kind. */
  dropped: { midData: number; beforeReply: number };
  /** Forgets what arrived and starts counting attempts from 1 again (a file sharing one sink). */
  reset: () => void;
  close: () => Promise<void>;
}

/**
 * A real SMTP listener on a local port. `respond` decides each message's fate, so tests can
 * make the server say 451 (try later) or 550 (never) the way real servers do.
 */
export async function startSmtpSink(
  respond: (attempt: number) => SmtpVerdict = () => 'accept',
  options: SmtpSinkOptions = {},
): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const sockets = new Map<string, Socket>();
  const dropped = { midData: 0, beforeReply: 0 };
  let attempts = 0;
  let started = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (err?: Error | null) => void) {
      const chunks: Buffer[] = [];
      const number = ++started;
      const drop = options.dropConnection?.(number);
      const cut = (): void => {
        sockets.get(`${session.remoteAddress}:${session.remotePort}`)?.destroy();
      };
      if (drop === 'mid-data') {
        stream.once('data', () => {
          dropped.midData++;
          cut();
        });
        stream.resume();
        return;
      }
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        attempts++;
        // Without drops, callbacks count the bodies that arrived, as they always have.
        const attempt = options.dropConnection ? number : attempts;
        const verdict = respond(attempt);
        let answer: () => void;
        if (verdict !== 'accept') {
          const error = new Error(verdict.message) as Error & { responseCode: number };
          error.responseCode = verdict.code;
          answer = () => callback(error);
        } else {
          const raw = Buffer.concat(chunks).toString('utf8');
          const mail: ReceivedMail = {
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
            messageId: /^Message-ID:\s*(<[^>]+>)/im.exec(raw)?.[1] ?? null,
          };
          received.push(mail);
          options.onReceived?.(mail, received.length);
          answer = () => callback();
        }
        if (drop === 'before-reply') {
          dropped.beforeReply++;
          cut();
          return;
        }
        const held = options.holdReply?.(attempt);
        if (held) {
          // A refused hold answers too: the test has failed, and the client should not hang.
          held.then(answer, answer);
          return;
        }
        const delay =
          typeof options.replyDelayMs === 'function' ? options.replyDelayMs(attempt) : options.replyDelayMs;
        if (!delay) {
          answer();
          return;
        }
        const timer = setTimeout(() => {
          timers.delete(timer);
          answer();
        }, delay);
        timers.add(timer);
      });
    },
  });
  // A client that disconnects while waiting for an answer is normal here, not a test failure.
  server.on('error', () => undefined);
  server.server.on('connection', (socket: Socket) => {
    const key = `${socket.remoteAddress}:${socket.remotePort}`;
    sockets.set(key, socket);
    socket.on('close', () => sockets.delete(key));
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}?starttls=off`,
    port,
    received,
    attempts: () => attempts,
    dataStarted: () => started,
    dropped,
    reset: () => {
      received.length = 0;
      attempts = 0;
      started = 0;
      dropped.midData = 0;
      dropped.beforeReply = 0;
    },
    close: () => {
      for (const timer of timers) clearTimeout(timer);
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A promise that a test settles when it chooses, e.g. to let a held SMTP reply go. */
export function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/** A local port nothing listens on (yet): connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** How many times each Message-ID arrived. */
export function countByMessageId(received: ReceivedMail[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const mail of received) {
    const id = mail.messageId ?? '(none)';
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}
