import { AddressInfo } from 'node:net';
import { SMTPServer, SMTPServerDataStream, SMTPServerSession } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  raw: string;
  messageId: string | null;
}

/**
 * A real SMTP listener on a free local port. `respond` decides each message's fate, so tests can
 * make the server say 451 (try later) or 550 (never) the way real servers do.
 */
export async function startSmtpSink(
  respond: (attempt: number) => 'accept' | { code: number; message: string } = () => 'accept',
): Promise<{ url: string; received: ReceivedMail[]; attempts: () => number; close: () => Promise<void> }> {
  const received: ReceivedMail[] = [];
  let attempts = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (err?: Error | null) => void) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        attempts++;
        const verdict = respond(attempts);
        if (verdict !== 'accept') {
          const error = new Error(verdict.message) as Error & { responseCode: number };
          error.responseCode = verdict.code;
          callback(error);
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          messageId: /^Message-ID:\s*(<[^>]+>)/im.exec(raw)?.[1] ?? null,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}?starttls=off`,
    received,
    attempts: () => attempts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
