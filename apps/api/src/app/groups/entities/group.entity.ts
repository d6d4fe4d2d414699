import { MembershipRole, ServiceExperienceKind } from '@heard/domain';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'groups' })
export class Group {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar' })
  name!: string;

  @Column({ type: 'text' })
  purpose!: string;

  @Column({ name: 'min_age', type: 'integer' })
  minAge!: number;

  @Column({ name: 'max_age', type: 'integer' })
  maxAge!: number;

  @Column({ name: 'service_experiences', type: 'text', array: true })
  serviceExperiences!: ServiceExperienceKind[];

  @Column({ type: 'varchar', nullable: true })
  venue!: string | null;

  @Column({ name: 'online_link', type: 'varchar', nullable: true })
  onlineLink!: string | null;

  @Column({ type: 'integer', nullable: true })
  capacity!: number | null;

  @Column({ name: 'pattern_rrule', type: 'varchar', nullable: true })
  patternRrule!: string | null;

  @Column({ name: 'pattern_starts_on', type: 'date', nullable: true })
  patternStartsOn!: string | null;

  @Column({ name: 'pattern_start_time', type: 'varchar', nullable: true })
  patternStartTime!: string | null;

  @Column({ name: 'pattern_duration_minutes', type: 'integer', nullable: true })
  patternDurationMinutes!: number | null;

  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}

@Entity({ name: 'group_facilitators' })
export class GroupFacilitator {
  @PrimaryColumn({ name: 'group_id', type: 'uuid' })
  groupId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;
}

@Entity({ name: 'group_pattern_exceptions' })
export class GroupPatternException {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'group_id', type: 'uuid' })
  groupId!: string;

  @Column({ name: 'pattern_date', type: 'date' })
  patternDate!: string;

  @Column({ type: 'varchar' })
  kind!: 'cancelled' | 'moved';

  @Column({ name: 'moved_to_date', type: 'date', nullable: true })
  movedToDate!: string | null;

  @Column({ name: 'moved_to_time', type: 'varchar', nullable: true })
  movedToTime!: string | null;

  @Column({ type: 'varchar', nullable: true })
  reason!: string | null;
}

@Entity({ name: 'group_memberships' })
export class GroupMembership {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'group_id', type: 'uuid' })
  groupId!: string;

  @Column({ name: 'young_person_id', type: 'uuid' })
  youngPersonId!: string;

  @Column({ type: 'varchar' })
  role!: MembershipRole;

  @Column({ name: 'joined_on', type: 'date' })
  joinedOn!: string;

  @Column({ name: 'left_on', type: 'date', nullable: true })
  leftOn!: string | null;

  @Column({ name: 'override_reason', type: 'varchar', nullable: true })
  overrideReason!: string | null;
}
