import { ConsentGiver, ConsentMethod, ConsentPurpose, ConsentScope } from '@heard/domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Never deleted or rewritten: a withdrawal is stamped on the record, so the history stays whole. */
@Entity({ name: 'consent_records' })
export class ConsentRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'young_person_id', type: 'uuid' })
  youngPersonId!: string;

  @Column({ type: 'varchar' })
  purpose!: ConsentPurpose;

  @Column({ name: 'given_by', type: 'varchar' })
  givenBy!: ConsentGiver;

  @Column({ type: 'varchar' })
  method!: ConsentMethod;

  @Column({ type: 'text' })
  wording!: string;

  @Column({ name: 'given_on', type: 'date' })
  givenOn!: string;

  @Column({ type: 'varchar' })
  scope!: ConsentScope;

  @Column({ name: 'activity_id', type: 'uuid', nullable: true })
  activityId!: string | null;

  @Column({ name: 'expires_on', type: 'date', nullable: true })
  expiresOn!: string | null;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy!: string;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;

  @Column({ name: 'withdrawn_by', type: 'uuid', nullable: true })
  withdrawnBy!: string | null;

  @Column({ name: 'withdrawn_reason', type: 'varchar', nullable: true })
  withdrawnReason!: string | null;
}
