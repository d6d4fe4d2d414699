import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../../app/users/entities/user.entity';

/**
 * A server-side session. The id is the SHA-256 of the cookie's token, so a copy of this table
 * cannot be used to sign in. `authMethods` and `secondFactorAt` leave room for TOTP or passkeys
 * without changing how sessions are looked up.
 */
@Entity({ name: 'sessions' })
export class Session {
  @PrimaryColumn({ type: 'char', length: 64 })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'user_id' })
  user!: User;

  @Column({ name: 'csrf_token', type: 'char', length: 64 })
  csrfToken!: string;

  @Column({ name: 'auth_methods', type: 'text', array: true })
  authMethods!: string[];

  @Column({ name: 'second_factor_at', type: 'timestamptz', nullable: true })
  secondFactorAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz' })
  lastSeenAt!: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @Column({ name: 'ended_reason', type: 'varchar', nullable: true })
  endedReason!: string | null;
}
