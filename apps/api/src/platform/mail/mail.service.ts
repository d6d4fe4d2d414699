import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { MailMessage } from './mail-message.entity';

export interface MailToQueue {
  kind: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  related?: { type: string; id: string };
}

@Injectable()
export class MailService {
  /**
   * Queues a message in the caller's transaction: if the change rolls back, so does the mail,
   * and once it commits the worker will send it even if this process dies straight after.
   */
  async enqueue(em: EntityManager, mail: MailToQueue): Promise<string> {
    const result = await em.insert(MailMessage, {
      kind: mail.kind,
      toAddress: mail.to,
      subject: mail.subject,
      textBody: mail.text,
      htmlBody: mail.html ?? null,
      relatedType: mail.related?.type ?? null,
      relatedId: mail.related?.id ?? null,
    });
    return (result.identifiers[0] as { id: string }).id;
  }
}
