import { OneToOneRequester, OneToOneStatus } from '@heard/domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'one_to_ones' })
export class OneToOne {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'young_person_id', type: 'uuid' })
  youngPersonId!: string;

  @Column({ name: 'requested_by', type: 'varchar' })
  requestedBy!: OneToOneRequester;

  @Column({ type: 'varchar' })
  topic!: string;

  @Column({ type: 'varchar' })
  status!: OneToOneStatus;

  @Column({ name: 'scheduled_at', type: 'timestamptz', nullable: true })
  scheduledAt!: Date | null;

  @Column({ type: 'varchar', nullable: true })
  location!: string | null;

  @Column({ name: 'staff_user_id', type: 'uuid', nullable: true })
  staffUserId!: string | null;

  @Column({ type: 'text', nullable: true })
  outcome!: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  /** iCalendar SEQUENCE: raised on every move or cancellation. */
  @Column({ type: 'integer', default: 0 })
  sequence!: number;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
