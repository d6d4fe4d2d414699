import { AttendanceStatus } from '@heard/domain';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** One meeting of a group. Its id is its calendar UID; `sequence` goes up each time it changes. */
@Entity({ name: 'group_sessions' })
export class GroupSession {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'group_id', type: 'uuid' })
  groupId!: string;

  /** The pattern date this session comes from; null for a one-off. */
  @Column({ name: 'pattern_date', type: 'date', nullable: true })
  patternDate!: string | null;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Column({ type: 'varchar', nullable: true })
  venue!: string | null;

  @Column({ type: 'varchar' })
  status!: 'scheduled' | 'cancelled';

  @Column({ type: 'boolean', default: false })
  moved!: boolean;

  /** When its date or time last changed, and what it started at before: a mark made offline before then is held. */
  @Column({ name: 'moved_at', type: 'timestamptz', nullable: true })
  movedAt!: Date | null;

  @Column({ name: 'moved_from', type: 'timestamptz', nullable: true })
  movedFrom!: Date | null;

  @Column({ name: 'cancel_reason', type: 'varchar', nullable: true })
  cancelReason!: string | null;

  @Column({ type: 'text', nullable: true })
  agenda!: string | null;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @Column({ type: 'integer', default: 0 })
  sequence!: number;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}

@Entity({ name: 'attendance' })
export class AttendanceMark {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  @PrimaryColumn({ name: 'young_person_id', type: 'uuid' })
  youngPersonId!: string;

  @Column({ type: 'varchar' })
  status!: AttendanceStatus;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy!: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;
}
