import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type MailStatus = 'pending' | 'sending' | 'sent' | 'failed';

/** One message in the outbox, written in the same transaction as the change that causes it. */
@Entity({ name: 'mail_outbox' })
export class MailMessage {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar' })
  kind!: string;

  @Column({ name: 'to_address', type: 'varchar' })
  toAddress!: string;

  @Column({ type: 'varchar' })
  subject!: string;

  /** Null once the message is sent or given up on: bodies hold addresses and personal links. */
  @Column({ name: 'text_body', type: 'text', nullable: true })
  textBody!: string | null;

  @Column({ name: 'html_body', type: 'text', nullable: true })
  htmlBody!: string | null;

  @Column({ type: 'varchar', default: 'pending' })
  status!: MailStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt!: Date;

  @Column({ name: 'claimed_at', type: 'timestamptz', nullable: true })
  claimedAt!: Date | null;

  /** Written at claim; a worker records its result only while its token is still on the row. */
  @Column({ name: 'claim_token', type: 'uuid', nullable: true })
  claimToken!: string | null;

  /** While status is 'sending', the claim is live until then; after it, the sweep takes the row back. */
  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil!: Date | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  /** Set when a send was interrupted after it may have reached the server: a duplicate is possible. */
  @Column({ type: 'boolean', default: false })
  uncertain!: boolean;

  @Column({ name: 'related_type', type: 'varchar', nullable: true })
  relatedType!: string | null;

  @Column({ name: 'related_id', type: 'uuid', nullable: true })
  relatedId!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
