import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';

export interface OutgoingMail {
  messageId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/**
 * How long a send may take. Every limit is set explicitly (nodemailer's own socket default is ten
 * minutes), and the whole send is cut off at `sendDeadlineMs`, so one send always ends well inside
 * the worker's lease (LEASE_SECONDS in mail.worker.ts). Tests shorten these; nothing else should.
 */
export const SMTP_LIMITS = {
  /** Connecting, including DNS and any TLS set-up. */
  connectionMs: 10_000,
  greetingMs: 10_000,
  /** Silence on an open connection, at any step. */
  socketMs: 30_000,
  /** The whole send, from connecting to the server's last reply. */
  sendDeadlineMs: 120_000,
};

interface SmtpError {
  responseCode?: number;
  response?: string;
  message?: string;
  code?: string;
  originalCode?: string;
  timeoutType?: string;
}

/** An SMTP failure the worker should try again later (4xx, timeouts, refused connections). */
export function isTemporaryFailure(error: unknown): boolean {
  const e = error as SmtpError;
  if (typeof e.responseCode === 'number') return e.responseCode < 500;
  // No SMTP reply at all: the server was not reached or went away. Try again.
  return true;
}

/** Failures that happen before any of the message can have reached the server. */
const NOT_CONNECTED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EDNS',
]);

/**
 * True when the send may have reached the server even though it failed: the connection went
 * silent, dropped or was cut off at the deadline after it was set up. The message could have
 * been taken just before, so a retry may be a duplicate. A reply from the server (any code), or a
 * failure to connect at all, means it was not taken.
 */
export function mayHaveBeenDelivered(error: unknown): boolean {
  const e = error as SmtpError;
  if (typeof e.responseCode === 'number') return false;
  if (e.timeoutType === 'CONNECT_TIMEOUT' || e.timeoutType === 'GREETING_TIMEOUT') return false;
  if (NOT_CONNECTED.has(e.originalCode ?? '') || NOT_CONNECTED.has(e.code ?? '')) return false;
  return ['ETIMEDOUT', 'ECONNECTION', 'ESOCKET', 'EABORT', 'ECONNRESET', 'EPIPE'].includes(e.code ?? '');
}

export function describeFailure(error: unknown): string {
  const e = error as SmtpError;
  const text = e.response ?? e.message ?? String(error);
  return (e.responseCode ? `${e.responseCode} ` : '') + text.slice(0, 500);
}

export function smtpTransport(url: string): MailTransport {
  const parsed = new URL(url);
  const transporter = createTransport({
    host: parsed.hostname,
    port: Number(parsed.port) || (parsed.protocol === 'smtps:' ? 465 : 587),
    secure: parsed.protocol === 'smtps:',
    ...(parsed.username
      ? { auth: { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } }
      : {}),
    // Local test servers and internal relays often have no certificate for their name; say so in the URL.
    tls: { rejectUnauthorized: parsed.searchParams.get('tls') !== 'insecure' },
    ignoreTLS: parsed.searchParams.get('starttls') === 'off',
    connectionTimeout: SMTP_LIMITS.connectionMs,
    greetingTimeout: SMTP_LIMITS.greetingMs,
    socketTimeout: SMTP_LIMITS.socketMs,
  });
  return {
    async send(mail) {
      await transporter.sendMail({
        messageId: mail.messageId,
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html ? { html: mail.html } : {}),
        // Nodemailer 10 closes the connection when the signal fires; its types do not list it yet.
        ...({ signal: AbortSignal.timeout(SMTP_LIMITS.sendDeadlineMs) } as object),
      });
    },
    close: () => transporter.close(),
  };
}

/** Without SMTP_URL, each message becomes an .eml file a developer can open. */
export function fileTransport(dir: string): MailTransport {
  const transporter = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(mail) {
      const info = await transporter.sendMail({
        messageId: mail.messageId,
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html ? { html: mail.html } : {}),
      });
      await mkdir(dir, { recursive: true });
      const name = mail.messageId.replace(/[<>]/g, '').replace(/[^a-zA-Z0-9.@-]/g, '_');
      await writeFile(join(dir, `${name}.eml`), info.message as Buffer);
    },
    close: () => transporter.close(),
  };
}
