import { z } from 'zod';
import { optionalText, pageSchema } from '../shared/schemas';
import { PRACTICE_TOOL_STAGES, PracticeToolStage } from './life-cycle';

const requiredText = (max: number, missing: string) =>
  z.string({ error: missing }).trim().min(1, missing).max(max, `Keep this under ${max} characters.`);

/** The descriptive fields of a tool, the same on creating and editing. */
export const PracticeToolRequestSchema = z
  .object({
    name: requiredText(120, 'Enter a name.'),
    purpose: requiredText(2000, 'Say what the tool is for.'),
    /**
     * Free text for now. The action log issue adds a list of services an administrator keeps;
     * this field then becomes a choice from that list.
     */
    owningService: requiredText(120, 'Say which service owns the tool.'),
    /** Who made it with the council, e.g. "Young Experts with the IRO service". Never a child's name alone. */
    coProducedWith: optionalText(500),
  })
  .strict();
export type PracticeToolRequest = z.input<typeof PracticeToolRequestSchema>;
export type PracticeToolCommand = z.output<typeof PracticeToolRequestSchema>;

/**
 * A version of a tool: a label and a link to where it lives. Versions are only ever added; a
 * mistake is put right by adding another version that says so.
 */
export const PracticeToolVersionRequestSchema = z
  .object({
    label: requiredText(80, 'Give the version a label, like "v2, March 2026".'),
    // zod's URL check alone lets "HTTPS:x" and "https:\\x" through; the database wants "https://".
    link: z
      .string({ error: 'Use a link that starts with https://.' })
      .max(500, 'Keep the link under 500 characters.')
      .regex(/^https:\/\//, 'Use a link that starts with https://.')
      .pipe(z.url({ protocol: /^https$/, error: 'Use a link that starts with https://.' })),
    notes: optionalText(2000),
  })
  .strict();
export type PracticeToolVersionRequest = z.input<typeof PracticeToolVersionRequestSchema>;
export type PracticeToolVersionCommand = z.output<typeof PracticeToolVersionRequestSchema>;

export const PracticeToolStageMoveRequestSchema = z
  .object({
    to: z.enum(PRACTICE_TOOL_STAGES, { error: 'Choose a stage from the life cycle.' }),
    /** Needed to go back a stage or to retire a tool; see checkStageMove. */
    reason: optionalText(500),
  })
  .strict();
export type PracticeToolStageMoveRequest = z.input<typeof PracticeToolStageMoveRequestSchema>;
export type PracticeToolStageMoveCommand = z.output<typeof PracticeToolStageMoveRequestSchema>;

export const PracticeToolListQuerySchema = z
  .object({
    stage: z.enum(PRACTICE_TOOL_STAGES, { error: 'Choose a stage from the life cycle.' }).optional(),
    ...pageSchema,
  })
  .strict();
export type PracticeToolListQuery = z.output<typeof PracticeToolListQuerySchema>;

export interface PracticeToolSummary {
  id: string;
  name: string;
  purpose: string;
  owningService: string;
  stage: PracticeToolStage;
  stageSince: string;
  latestVersion: { label: string; link: string } | null;
  versionCount: number;
}

export interface PracticeToolVersion {
  id: string;
  label: string;
  link: string;
  notes: string | null;
  addedAt: string;
  addedBy: { id: string; displayName: string } | null;
}

export interface PracticeToolStageChange {
  id: string;
  /** Null for the first row, when the tool was added to the catalogue. */
  from: PracticeToolStage | null;
  to: PracticeToolStage;
  reason: string | null;
  movedAt: string;
  movedBy: { id: string; displayName: string } | null;
}

export interface PracticeToolResponse extends PracticeToolSummary {
  coProducedWith: string | null;
  /** Newest first. */
  versions: PracticeToolVersion[];
  /** Oldest first: the tool's life so far. */
  stageHistory: PracticeToolStageChange[];
  createdAt: string;
  updatedAt: string;
}
