import { AuditAction, AuditRecordType } from '@heard/domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type AuditDetail = Record<string, string | number | boolean | null>;

@Entity({ name: 'audit_events' })
export class AuditEvent {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @Column({ type: 'varchar' })
  action!: AuditAction;

  @Column({ name: 'entity_type', type: 'varchar' })
  entityType!: AuditRecordType;

  @Column({ name: 'entity_id', type: 'varchar', nullable: true })
  entityId!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" })
  detail!: AuditDetail;

  @Column({ name: 'request_id', type: 'varchar', nullable: true })
  requestId!: string | null;

  /** When the officer did it on their device (a change from the offline outbox); `at` is when it arrived. */
  @Column({ name: 'device_time', type: 'timestamptz', nullable: true })
  deviceTime!: Date | null;
}
