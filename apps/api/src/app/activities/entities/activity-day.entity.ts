import { ActivityStatus, ConsentPurpose, PhotoPlan, ServiceExperienceKind } from '@heard/domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'activity_days' })
export class ActivityDay {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar' })
  title!: string;

  @Column({ type: 'date' })
  date!: string;

  @Column({ name: 'start_time', type: 'varchar' })
  startTime!: string;

  @Column({ name: 'end_time', type: 'varchar' })
  endTime!: string;

  /** The wall-clock times above as instants in Europe/London, for ordering and calendars. */
  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Column({ type: 'varchar', nullable: true })
  venue!: string | null;

  @Column({ type: 'text', nullable: true })
  accessibility!: string | null;

  @Column({ type: 'integer', nullable: true })
  capacity!: number | null;

  @Column({ name: 'cohort_min_age', type: 'integer' })
  cohortMinAge!: number;

  @Column({ name: 'cohort_max_age', type: 'integer' })
  cohortMaxAge!: number;

  @Column({ name: 'cohort_service_experiences', type: 'text', array: true })
  cohortServiceExperiences!: ServiceExperienceKind[];

  @Column({ name: 'cohort_group_ids', type: 'uuid', array: true })
  cohortGroupIds!: string[];

  @Column({ type: 'text', nullable: true })
  professionals!: string | null;

  @Column({ name: 'budget_pence', type: 'integer', nullable: true })
  budgetPence!: number | null;

  @Column({ type: 'text', nullable: true })
  transport!: string | null;

  @Column({ type: 'varchar', nullable: true })
  photos!: PhotoPlan | null;

  @Column({ type: 'text', nullable: true })
  agenda!: string | null;

  @Column({ name: 'required_consents', type: 'text', array: true })
  requiredConsents!: ConsentPurpose[];

  @Column({ name: 'reminder_days_before', type: 'integer' })
  reminderDaysBefore!: number;

  @Column({ type: 'varchar' })
  status!: ActivityStatus;

  @Column({ name: 'cancel_reason', type: 'varchar', nullable: true })
  cancelReason!: string | null;

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
