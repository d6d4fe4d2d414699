import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { MailMessage, MailStatus } from './mail-message.entity';

export interface MailToQueue {
  kind: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  related?: { type: string; id: string };
}

/** Where the latest message about something stands, for officers to see next to it. */
export interface MailDeliveryStatus {
  status: MailStatus;
  /** The server's reason for the last failure (kept after a permanent refusal). */
  lastError: string | null;
  attempts: number;
  sentAt: Date | null;
  /** A send was interrupted after it may have reached the server: the person may get it twice. */
  uncertain: boolean;
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

  /**
   * The latest message for each of `relatedIds` (as given to `enqueue` in `related`), in one query.
   * Ids with no message are not in the map.
   */
  async statusFor(
    em: EntityManager,
    relatedType: string,
    relatedIds: string[],
  ): Promise<Map<string, MailDeliveryStatus>> {
    const statuses = new Map<string, MailDeliveryStatus>();
    if (relatedIds.length === 0) return statuses;
    const latest = await em
      .getRepository(MailMessage)
      .createQueryBuilder('m')
      .distinctOn(['m.related_id'])
      .where('m.related_type = :relatedType AND m.related_id IN (:...relatedIds)', {
        relatedType,
        relatedIds: [...new Set(relatedIds)],
      })
      .orderBy('m.related_id')
      .addOrderBy('m.created_at', 'DESC')
      .addOrderBy('m.id', 'DESC')
      .getMany();
    for (const m of latest) {
      statuses.set(m.relatedId as string, {
        status: m.status,
        lastError: m.lastError,
        attempts: m.attempts,
        sentAt: m.sentAt,
        uncertain: m.uncertain,
      });
    }
    return statuses;
  }
}
