import { InvitationChannel, InvitationStatus, InvitationTargetKind, ParentCarerChannel } from '@heard/domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'invitations' })
export class Invitation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'young_person_id', type: 'uuid' })
  youngPersonId!: string;

  @Column({ name: 'target_kind', type: 'varchar' })
  targetKind!: InvitationTargetKind;

  @Column({ name: 'activity_id', type: 'uuid', nullable: true })
  activityId!: string | null;

  @Column({ name: 'session_id', type: 'uuid', nullable: true })
  sessionId!: string | null;

  @Column({ name: 'one_to_one_id', type: 'uuid', nullable: true })
  oneToOneId!: string | null;

  @Column({ name: 'review_title', type: 'varchar', nullable: true })
  reviewTitle!: string | null;

  @Column({ name: 'review_start_time', type: 'varchar', nullable: true })
  reviewStartTime!: string | null;

  @Column({ name: 'review_venue', type: 'varchar', nullable: true })
  reviewVenue!: string | null;

  @Column({ name: 'event_date', type: 'date' })
  eventDate!: string;

  @Column({ type: 'varchar' })
  channel!: InvitationChannel;

  @Column({ name: 'via_trusted_adult_id', type: 'uuid', nullable: true })
  viaTrustedAdultId!: string | null;

  @Column({ type: 'varchar' })
  status!: InvitationStatus;

  @Column({ name: 'outside_cohort', type: 'boolean', default: false })
  outsideCohort!: boolean;

  @Column({ name: 'outside_cohort_reason', type: 'varchar', nullable: true })
  outsideCohortReason!: string | null;

  @Column({ name: 'decline_reason', type: 'varchar', nullable: true })
  declineReason!: string | null;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ name: 'handed_over_at', type: 'timestamptz', nullable: true })
  handedOverAt!: Date | null;

  /** When someone recorded that an invitation to deliver reached the young person. */
  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  /** News Heard could not pass on itself, waiting on the officers' "tell by hand" list. */
  @Column({ name: 'to_tell', type: 'varchar', nullable: true })
  toTell!: 'moved' | 'cancelled' | 'place_free' | null;

  @Column({ name: 'to_tell_since', type: 'timestamptz', nullable: true })
  toTellSince!: Date | null;

  /** Their parent or carer gets a copy this way (from the young person's record when it was made). */
  @Column({ name: 'parent_carer_copy', type: 'varchar', nullable: true })
  parentCarerCopy!: ParentCarerChannel | null;

  @Column({ name: 'parent_carer_told_at', type: 'timestamptz', nullable: true })
  parentCarerToldAt!: Date | null;

  /** A change a parent or carer on the phone list is still to hear of (null: the invitation itself). */
  @Column({ name: 'parent_carer_news', type: 'varchar', nullable: true })
  parentCarerNews!: 'moved' | 'cancelled' | 'place_free' | null;

  @Column({ name: 'withdrawn_reason', type: 'varchar', nullable: true })
  withdrawnReason!: string | null;

  @Column({ name: 'attendance_override_reason', type: 'varchar', nullable: true })
  attendanceOverrideReason!: string | null;

  /** Who marked the register last and when the mark was made (on the device, for one made offline). */
  @Column({ name: 'attendance_marked_by', type: 'uuid', nullable: true })
  attendanceMarkedBy!: string | null;

  @Column({ name: 'attendance_marked_at', type: 'timestamptz', nullable: true })
  attendanceMarkedAt!: Date | null;

  @Column({ name: 'reminder_sent_at', type: 'timestamptz', nullable: true })
  reminderSentAt!: Date | null;

  /** Given out when the letter is first printed (see short-codes.ts). */
  @Column({ name: 'short_code', type: 'varchar', nullable: true })
  shortCode!: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
