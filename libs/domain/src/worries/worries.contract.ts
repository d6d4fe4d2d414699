import { z } from 'zod';
import { OccasionRef } from '../occasions/occasion';
import { specialCategoryMeta } from '../privacy/special-category';
import { optionalText, uuidSchema } from '../shared/schemas';

/**
 * Where a worry came from: written by staff on its own, raised by an officer from an evaluation or
 * from a young expert's comment on the plan, sent by a young person through a round link (no
 * identity), or by a young expert on their pages.
 */
export const WORRY_SOURCE_KINDS = [
  'staff',
  'evaluation',
  'round_link',
  'young_expert',
  'plan_comment',
] as const;
export type WorrySourceKind = (typeof WORRY_SOURCE_KINDS)[number];

export const WORRY_SOURCE_LABELS: Readonly<Record<WorrySourceKind, string>> = {
  staff: 'Raised by a member of staff',
  evaluation: 'Raised from an evaluation',
  round_link: 'Sent through an evaluation round link',
  young_expert: "Sent from a young expert's pages",
  plan_comment: "Raised from a young expert's comment on the plan",
};

export const WORRY_WORDS_MAX = 4000;
export const ACKNOWLEDGEMENT_NOTE_MAX = 1000;

export const worryWordsSchema = z
  .string({ error: 'Write what the worry is.' })
  .trim()
  .min(1, 'Write what the worry is.')
  .max(WORRY_WORDS_MAX, `Keep this under ${WORRY_WORDS_MAX} characters.`)
  .meta(specialCategoryMeta('worries.words'));

/** What staff send to raise a worry (POST /api/worries); the young person is optional. */
export const RaiseWorryRequestSchema = z
  .object({
    words: worryWordsSchema,
    youngPersonId: uuidSchema.nullable().default(null),
  })
  .strict();
export type RaiseWorryRequest = z.input<typeof RaiseWorryRequestSchema>;
export type RaiseWorryCommand = z.output<typeof RaiseWorryRequestSchema>;

/**
 * A worry sent by someone answering a round's link (POST /api/evaluation-links/:token/worries):
 * their words only. Nothing about who they are is asked or kept.
 */
export const LinkWorryRequestSchema = z.object({ words: worryWordsSchema }).strict();
export type LinkWorryRequest = z.input<typeof LinkWorryRequestSchema>;
export type LinkWorryCommand = z.output<typeof LinkWorryRequestSchema>;

/** What the young person's device is told: it arrived. No id, so nothing to look it up by. */
export interface LinkWorryReceived {
  received: true;
}

/** What every feature hands to the worries service's `raise`, after validating its own input. */
export interface WorryToRaise {
  words: string;
  source: { kind: WorrySourceKind; id: string | null };
  occasion: OccasionRef | null;
  youngPersonId: string | null;
}

export const AcknowledgeWorryRequestSchema = z
  .object({ note: optionalText(ACKNOWLEDGEMENT_NOTE_MAX) })
  .strict();
export type AcknowledgeWorryRequest = z.input<typeof AcknowledgeWorryRequestSchema>;

export const SafeguardingContactSettingRequestSchema = z
  .object({
    safeguardingContact: z.boolean({
      error: 'Say whether this person is a safeguarding contact (true or false).',
    }),
  })
  .strict();
export type SafeguardingContactSettingRequest = z.infer<typeof SafeguardingContactSettingRequestSchema>;

export interface WorryPerson {
  id: string;
  displayName: string;
}

/** A worry as its safeguarding contacts see it. Never listed, exported or counted anywhere else. */
export interface WorryResponse {
  id: string;
  words: string;
  /** The young person, when known; null for a round link with no identity. */
  youngPerson: { id: string; preferredName: string } | null;
  source: { kind: WorrySourceKind; id: string | null };
  occasion: OccasionRef | null;
  raisedAt: string;
  raisedBy: WorryPerson | null;
  acknowledgedAt: string | null;
  acknowledgedBy: WorryPerson | null;
  acknowledgementNote: string | null;
}

/** What the person who raised a worry is told: whether anyone was there to receive it. */
export interface WorryRaisedResponse {
  id: string;
  raisedAt: string;
  /** How many safeguarding contacts were emailed; 0 means nobody is set up to receive it yet. */
  contactsTold: number;
  message: string;
}

export const NO_SAFEGUARDING_CONTACTS_WARNING =
  'No one is set as a safeguarding contact, so worries reach no one. Set at least one in Users.';

export const NO_CONTACTS_RAISED_MESSAGE =
  'Your worry is saved, but no one is set as a safeguarding contact yet, so no one has been told. Tell your safeguarding lead now, by phone or in person, and ask an administrator to set a safeguarding contact.';

export const CONTACTS_TOLD_MESSAGE = (n: number) =>
  `Your worry has been sent to ${n === 1 ? 'the safeguarding contact' : `all ${n} safeguarding contacts`}. One of them will acknowledge it.`;

/**
 * What a young person reads before they send a worry: who will see it and what happens next.
 * Short sentences for age 10. The one copy: the young people's pages and round links show this.
 */
export const WORRY_BEFORE_YOU_SEND: readonly string[] = [
  'This goes straight to the staff who keep young people safe.',
  'Only they will see it.',
  'It will not be shared on Heard. It will not go in any report.',
  'One of them will read it and decide how to help you.',
  'They may talk to you, or to an adult who looks after you.',
  'If they do not know your name, they may not be able to talk to you.',
  'If you are in danger right now, call 999.',
  'You can also call Childline for free on 0800 1111.',
];
