import { z } from 'zod';
import { specialCategoryMeta } from '../privacy/special-category';
import { isoDateSchema, optionalText, pageSchema, uuidSchema } from '../shared/schemas';
import { AGE_BANDS, AgeBand } from './age';
import { MAX_YOUNG_PERSON_CATEGORIES, YoungPersonCategory } from './categories';
import { ServiceExperienceKind } from './service-experience';

export enum TrustedAdultRelationship {
  SocialWorker = 'social_worker',
  SupervisingSocialWorker = 'supervising_social_worker',
  IndependentReviewingOfficer = 'independent_reviewing_officer',
  ConferenceReviewOfficer = 'conference_review_officer',
  PersonalAdviser = 'personal_adviser',
  Other = 'other',
}

export const RELATIONSHIP_LABELS: Readonly<Record<TrustedAdultRelationship, string>> = {
  [TrustedAdultRelationship.SocialWorker]: 'Social worker',
  [TrustedAdultRelationship.SupervisingSocialWorker]: "Carer's supervising social worker",
  [TrustedAdultRelationship.IndependentReviewingOfficer]: 'Independent reviewing officer',
  [TrustedAdultRelationship.ConferenceReviewOfficer]: 'Conference review officer',
  [TrustedAdultRelationship.PersonalAdviser]: 'Personal adviser',
  [TrustedAdultRelationship.Other]: 'Other trusted adult',
};

export type ParticipationPreference = 'group' | 'one_to_one' | 'either';

const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{7,20}$/, 'Use a phone number like 07700 900123.');

export const ServiceExperiencePeriodSchema = z
  .object({
    kind: z.enum(ServiceExperienceKind, { error: 'Choose a service experience.' }),
    from: isoDateSchema,
    to: isoDateSchema.nullable().default(null),
  })
  .strict()
  .refine((p) => p.to === null || p.to >= p.from, {
    message: 'The end date is before the start date.',
    path: ['to'],
  });

export const TrustedAdultLinkSchema = z
  .object({
    userId: uuidSchema,
    relationship: z.enum(TrustedAdultRelationship, { error: 'Choose how they know the young person.' }),
  })
  .strict();

/**
 * Each channel is null unless the young person has agreed to it. "Only via a trusted adult" means
 * Heard never contacts them directly, whatever channels are filled in.
 */
export const ContactPreferencesSchema = z
  .object({
    email: z
      .email({ error: 'Enter an email address like name@example.org.' })
      .max(254)
      .nullable()
      .default(null),
    phone: phone.nullable().default(null),
    whatsapp: phone.nullable().default(null),
    letter: z
      .object({
        addressLines: z
          .array(
            z
              .string()
              .trim()
              .min(1, 'Leave out empty address lines.')
              .max(100, 'Keep each address line under 100 characters.'),
          )
          .min(1, 'Add the address lines.')
          .max(5, 'Use at most 5 address lines.'),
        postcode: z
          .string()
          .trim()
          .toUpperCase()
          .regex(/^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/, 'Use a UK postcode like SW1A 1AA.'),
      })
      .strict()
      .nullable()
      .default(null),
    onlyViaTrustedAdult: z.boolean().default(false),
  })
  .strict();
export type ContactPreferences = z.output<typeof ContactPreferencesSchema>;

/**
 * A parent or carer who also hears of invitations, where a purpose needs it (a younger child whose
 * carer brings them, say). Only their name and the one way they agreed to be contacted, and the
 * purpose, written down, so nobody keeps it "just in case". The young person still answers.
 */
export const ParentCarerSchema = z
  .object({
    name: z
      .string({ error: 'Enter the name of their parent or carer.' })
      .trim()
      .min(1, 'Enter the name of their parent or carer.')
      .max(80, 'Keep the name under 80 characters.'),
    relationship: optionalText(40),
    channel: z.enum(['email', 'phone'], { error: 'Choose how they agreed to be contacted.' }),
    email: z
      .email({ error: 'Enter an email address like name@example.org.' })
      .max(254)
      .nullable()
      .default(null),
    phone: phone.nullable().default(null),
    purpose: z
      .string({ error: 'Say why Heard keeps this.' })
      .trim()
      .min(5, 'Say why Heard keeps this, like "Their carer brings them to activities".')
      .max(200, 'Keep the purpose under 200 characters.'),
  })
  .strict()
  .superRefine((p, ctx) => {
    // One channel: keeping the other as well would be more than the purpose needs.
    const [wanted, other] =
      p.channel === 'email' ? (['email', 'phone'] as const) : (['phone', 'email'] as const);
    if (!p[wanted])
      ctx.addIssue({
        code: 'custom',
        path: [wanted],
        message: wanted === 'email' ? 'Enter their email address.' : 'Enter their phone number.',
      });
    if (p[other])
      ctx.addIssue({
        code: 'custom',
        path: [other],
        message: 'Keep only the one way they agreed to be contacted.',
      });
  });
export type ParentCarer = z.output<typeof ParentCarerSchema>;
export type ParentCarerChannel = ParentCarer['channel'];

export const YoungPersonRequestSchema = z
  .object({
    preferredName: z
      .string({ error: 'Enter the name they like to be called.' })
      .trim()
      .min(1, 'Enter the name they like to be called.')
      .max(60, 'Keep the name under 60 characters.'),
    dateOfBirth: isoDateSchema,
    serviceExperiences: z
      .array(ServiceExperiencePeriodSchema)
      .max(20)
      .default([])
      .meta(specialCategoryMeta('young_person_service_experiences.kind')),
    trustedAdults: z.array(TrustedAdultLinkSchema).max(10).default([]),
    contact: ContactPreferencesSchema.default({
      email: null,
      phone: null,
      whatsapp: null,
      letter: null,
      onlyViaTrustedAdult: false,
    }),
    accessibilityNeeds: optionalText(1000).meta(specialCategoryMeta('young_people.accessibility_needs')),
    communicationNeeds: optionalText(1000).meta(specialCategoryMeta('young_people.communication_needs')),
    parentCarer: ParentCarerSchema.nullable().default(null),
    participationPreference: z.enum(['group', 'one_to_one', 'either']).default('either'),
    /** Under 16 and judged able to make their own decisions about consent (Gillick competent). */
    decidesForThemselves: z.boolean().default(false),
    confidentialityNotes: optionalText(1000),
    /**
     * Placed with another local authority. Minimum data: asked only so the team can see whether
     * young people placed far away are heard (reach, docs/reach.md).
     */
    placedOutOfArea: z.boolean({ error: 'Say yes or no.' }).default(false),
    /** The local authority they are placed with: only when placed out of area. */
    placementAuthority: optionalText(100),
    /**
     * The team's own categories that apply (docs/reach.md): current ones from the list
     * administrators keep. Minimum data: asked only so the team can see whether each is heard.
     */
    categoryIds: z
      .array(uuidSchema, { error: 'List the categories.' })
      .max(MAX_YOUNG_PERSON_CATEGORIES, `Choose at most ${MAX_YOUNG_PERSON_CATEGORIES} categories.`)
      .refine((ids) => new Set(ids.map((id) => id.toLowerCase())).size === ids.length, {
        message: 'The same category is chosen twice.',
      })
      .default([]),
  })
  .strict()
  .refine((p) => p.placementAuthority === null || p.placedOutOfArea, {
    message: 'Leave the local authority empty unless they are placed out of area.',
    path: ['placementAuthority'],
  });
export type YoungPersonRequest = z.input<typeof YoungPersonRequestSchema>;
export type YoungPersonCommand = z.output<typeof YoungPersonRequestSchema>;

export const ArchiveRequestSchema = z.object({ reason: optionalText(300) }).strict();

export const YoungPersonSortSchema = z.enum(['name', 'age', 'created']);

export const YoungPersonQuerySchema = z
  .object({
    q: z.string().trim().max(60, 'Search with at most 60 characters.').optional(),
    groupId: uuidSchema.optional(),
    serviceExperience: z.enum(ServiceExperienceKind).optional(),
    ageBand: z.enum(AGE_BANDS as [AgeBand, ...AgeBand[]]).optional(),
    linkedAdultId: uuidSchema.optional(),
    /** One of the team's categories (retired ones too: a record may still have one). */
    categoryId: uuidSchema.optional(),
    includeArchived: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    sort: YoungPersonSortSchema.default('name'),
    order: z.enum(['asc', 'desc']).default('asc'),
    ...pageSchema,
  })
  .strict();
export type YoungPersonQuery = z.output<typeof YoungPersonQuerySchema>;

export interface ServiceExperienceResponse {
  kind: ServiceExperienceKind;
  from: string;
  to: string | null;
}

export interface YoungPersonListItem {
  id: string;
  preferredName: string;
  age: number;
  ageBand: AgeBand | null;
  currentServiceExperiences: ServiceExperienceKind[];
  groups: { id: string; name: string }[];
  archived: boolean;
}

export interface YoungPersonResponse {
  id: string;
  preferredName: string;
  dateOfBirth: string;
  age: number;
  ageBand: AgeBand | null;
  serviceExperiences: ServiceExperienceResponse[];
  currentServiceExperiences: ServiceExperienceKind[];
  trustedAdults: { userId: string; displayName: string; relationship: TrustedAdultRelationship }[];
  contact: ContactPreferences;
  parentCarer: ParentCarer | null;
  accessibilityNeeds: string | null;
  communicationNeeds: string | null;
  participationPreference: ParticipationPreference;
  decidesForThemselves: boolean;
  confidentialityNotes: string | null;
  placedOutOfArea: boolean;
  placementAuthority: string | null;
  /** The team's categories ticked on the record, by name; a retired one stays until unticked. */
  categories: YoungPersonCategory[];
  groups: { id: string; name: string; role: MembershipRole; joinedOn: string }[];
  archivedAt: string | null;
  createdAt: string;
}

export type MembershipRole = 'member' | 'chair' | 'vice_chair';
