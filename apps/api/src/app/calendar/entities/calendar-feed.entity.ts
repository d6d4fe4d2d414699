import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A private calendar address. Only the token's hash is kept; revoking ends it for good. */
@Entity({ name: 'calendar_feeds' })
export class CalendarFeed {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash!: string;

  @Column({ name: 'owner_user_id', type: 'uuid' })
  ownerUserId!: string;

  @Column({ type: 'varchar' })
  scope!: 'mine' | 'group';

  @Column({ name: 'group_id', type: 'uuid', nullable: true })
  groupId!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
