import {
  ContactPreferences,
  ParentCarer,
  ParticipationPreference,
  ServiceExperienceKind,
  TrustedAdultRelationship,
} from '@heard/domain';
import {
  Column,
  Entity,
  OneToMany,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  ManyToOne,
  JoinColumn,
} from 'typeorm';

/** Only what a participation team needs: no case notes, no address beyond what a letter needs. */
@Entity({ name: 'young_people' })
export class YoungPerson {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'preferred_name', type: 'varchar' })
  preferredName!: string;

  @Column({ name: 'date_of_birth', type: 'date' })
  dateOfBirth!: string;

  @Column({ type: 'jsonb' })
  contact!: ContactPreferences;

  @Column({ name: 'parent_carer', type: 'jsonb', nullable: true })
  parentCarer!: ParentCarer | null;

  @Column({ name: 'accessibility_needs', type: 'text', nullable: true })
  accessibilityNeeds!: string | null;

  @Column({ name: 'communication_needs', type: 'text', nullable: true })
  communicationNeeds!: string | null;

  @Column({ name: 'participation_preference', type: 'varchar' })
  participationPreference!: ParticipationPreference;

  @Column({ name: 'decides_for_themselves', type: 'boolean', default: false })
  decidesForThemselves!: boolean;

  @Column({ name: 'confidentiality_notes', type: 'text', nullable: true })
  confidentialityNotes!: string | null;

  /** Placed with another local authority: reach (docs/reach.md) shows whether they are heard. */
  @Column({ name: 'placed_out_of_area', type: 'boolean', default: false })
  placedOutOfArea!: boolean;

  /** The local authority they are placed with; only ever set when placed out of area. */
  @Column({ name: 'placement_authority', type: 'varchar', nullable: true })
  placementAuthority!: string | null;

  /** The young person's choice: their quotes carry their name only when true (default anonymous). */
  @Column({ name: 'quotes_named', type: 'boolean', default: false })
  quotesNamed!: boolean;

  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;

  @Column({ name: 'archive_reason', type: 'varchar', nullable: true })
  archiveReason!: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  @OneToMany(() => ServiceExperiencePeriodRow, (p) => p.youngPerson)
  serviceExperiences!: ServiceExperiencePeriodRow[];

  @OneToMany(() => TrustedAdultLink, (l) => l.youngPerson)
  trustedAdults!: TrustedAdultLink[];
}

@Entity({ name: 'young_person_service_experiences' })
export class ServiceExperiencePeriodRow {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'young_person_id', type: 'uuid' })
  youngPersonId!: string;

  @ManyToOne(() => YoungPerson, (y) => y.serviceExperiences)
  @JoinColumn({ name: 'young_person_id' })
  youngPerson!: YoungPerson;

  @Column({ type: 'varchar' })
  kind!: ServiceExperienceKind;

  @Column({ name: 'from_date', type: 'date' })
  from!: string;

  @Column({ name: 'to_date', type: 'date', nullable: true })
  to!: string | null;
}

@Entity({ name: 'young_person_trusted_adults' })
export class TrustedAdultLink {
  @PrimaryColumn({ name: 'young_person_id', type: 'uuid' })
  youngPersonId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => YoungPerson, (y) => y.trustedAdults)
  @JoinColumn({ name: 'young_person_id' })
  youngPerson!: YoungPerson;

  @Column({ type: 'varchar' })
  relationship!: TrustedAdultRelationship;
}
