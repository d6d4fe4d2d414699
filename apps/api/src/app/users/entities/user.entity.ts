import { Role, UserStatus } from '@heard/domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'users' })
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Staff sign in and get mail here; a young expert's account has none (decision 0019). */
  @Column({ type: 'varchar', nullable: true })
  email!: string | null;

  @Column({ name: 'display_name', type: 'varchar' })
  displayName!: string;

  @Column({ type: 'varchar' })
  role!: Role;

  @Column({ type: 'varchar' })
  status!: UserStatus;

  @Column({ name: 'password_hash', type: 'text', nullable: true })
  passwordHash!: string | null;

  /** Unused since the sign-in slow-down replaced the lock (sign_in_delays); kept for old rows. */
  @Column({ name: 'failed_attempts', type: 'integer', default: 0 })
  failedAttempts!: number;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;

  @Column({ name: 'invitation_token_hash', type: 'char', length: 64, nullable: true })
  invitationTokenHash!: string | null;

  @Column({ name: 'invitation_expires_at', type: 'timestamptz', nullable: true })
  invitationExpiresAt!: Date | null;

  @Column({ name: 'password_reset_token_hash', type: 'char', length: 64, nullable: true })
  passwordResetTokenHash!: string | null;

  @Column({ name: 'password_reset_expires_at', type: 'timestamptz', nullable: true })
  passwordResetExpiresAt!: Date | null;

  /** Base32 TOTP secret, set once a code from it is confirmed; never sent to anyone after enrolment. */
  @Column({ name: 'totp_secret', type: 'text', nullable: true, select: false })
  totpSecret!: string | null;

  /** A secret shown at the start of enrolment, waiting for a code from it to be confirmed. */
  @Column({ name: 'totp_pending_secret', type: 'text', nullable: true, select: false })
  totpPendingSecret!: string | null;

  @Column({ name: 'totp_enrolled_at', type: 'timestamptz', nullable: true })
  totpEnrolledAt!: Date | null;

  /** The last TOTP time step a code was accepted for: a code (or an older one) cannot be used again. */
  @Column({ name: 'totp_last_step', type: 'bigint', nullable: true, select: false })
  totpLastStep!: string | null;

  /** Set by an administrator: this person must have a second factor to use Heard. */
  @Column({ name: 'second_factor_required', type: 'boolean', default: false })
  secondFactorRequired!: boolean;

  /** Set by an administrator: worries raised in Heard go to this person at once (docs/worries.md). */
  @Column({ name: 'safeguarding_contact', type: 'boolean', default: false })
  safeguardingContact!: boolean;

  /** A young expert's own young person record (their pages show only it); null for staff. */
  @Column({ name: 'young_person_id', type: 'uuid', nullable: true })
  youngPersonId!: string | null;

  @Column({ name: 'last_signed_in_at', type: 'timestamptz', nullable: true })
  lastSignedInAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
