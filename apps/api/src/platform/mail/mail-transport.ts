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

/** An SMTP failure the worker should try again later (4xx, timeouts, refused connections). */
export function isTemporaryFailure(error: unknown): boolean {
  const e = error as { responseCode?: number; code?: string };
  if (typeof e.responseCode === 'number') return e.responseCode < 500;
  // No SMTP reply at all: the server was not reached or went away. Try again.
  return true;
}

export function describeFailure(error: unknown): string {
  const e = error as { responseCode?: number; response?: string; message?: string; code?: string };
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
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
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
