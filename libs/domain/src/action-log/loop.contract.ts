import { z } from 'zod';
import { ActionStatus } from './action-status';
import { ItemStage } from './item-stage';
import { LoopChannel } from './loop-rules';

/** Closing the loop (issue 12 §4, docs/action-log.md "Closing the loop"). */

export const MAX_LOOP_MESSAGE = 2000;

/** The officer's message, edited from Heard's draft, told to everyone who has not heard the current answers. */
export const TellingRequestSchema = z
  .object({
    message: z
      .string({ error: 'Write the message to the young people.' })
      .trim()
      .min(1, 'Write the message to the young people.')
      .max(MAX_LOOP_MESSAGE, `Keep the message under ${MAX_LOOP_MESSAGE} characters.`),
  })
  .strict();
export type TellingRequest = z.input<typeof TellingRequestSchema>;
export type TellingCommand = z.output<typeof TellingRequestSchema>;

/** One young person who spoke, and how they hear (ids and their preferred name, for the officer). */
export interface LoopSpeaker {
  youngPersonId: string;
  preferredName: string;
  channel: LoopChannel;
  trustedAdult: { id: string; displayName: string } | null;
  session: { id: string; startsAt: string; groupName: string } | null;
}

export interface LoopActionState {
  actionId: string;
  status: ActionStatus;
  /** Everyone has heard this action's current answer. */
  told: boolean;
  /** They were told an earlier answer, and it has changed since: they must be told again. */
  toldAgainNeeded: boolean;
  /** The young people told this action's current answer (ids). */
  toldYoungPersonIds: string[];
}

export interface LoopTellingView {
  id: string;
  actionId: string;
  actionStatus: ActionStatus;
  channel: LoopChannel | 'board';
  youngPersonId: string | null;
  trustedAdultId: string | null;
  sessionId: string | null;
  message: string;
  toldBy: string;
  toldAt: string;
  passedAt: string | null;
}

/**
 * Who hears an item's answers (its one home is the SQL function you_said_item_audience): the young
 * people it names; else the group it was said at; else no one in particular (a survey, an imported
 * row), who are told by publishing each answer on the public board.
 */
export const ITEM_AUDIENCES = ['young_people', 'group', 'no_one'] as const;
export type ItemAudience = (typeof ITEM_AUDIENCES)[number];

export interface LoopView {
  itemId: string;
  stage: ItemStage;
  audience: ItemAudience;
  speakers: LoopSpeaker[];
  actions: LoopActionState[];
  /** Heard's draft for the actions not yet told in their current answer; null when everyone has heard. */
  draft: string | null;
  tellings: LoopTellingView[];
}

export interface TellingResult {
  told: number;
  emailed: number;
  toPassOn: number;
  toReadOut: number;
  inPerson: number;
  loop: LoopView;
}

/** A message a trusted adult (or practitioner) is asked to pass on to one young person. */
export interface ToPassOnEntry {
  tellingId: string;
  itemId: string;
  youngPerson: { id: string; preferredName: string };
  message: string;
  toldAt: string;
  passedAt: string | null;
}

/** A message to read out to a group at a session. */
export interface ToReadOutEntry {
  tellingId: string;
  itemId: string;
  message: string;
  toldAt: string;
}
