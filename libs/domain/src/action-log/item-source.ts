/**
 * Where a You said item came from. Stored in you_said_items.source_kind (the migration's CHECK
 * lists the same words); the log's form, its filter, the CSV import and the export all use this list.
 */
export const YOU_SAID_SOURCES = [
  'young_person',
  'parent_carer',
  'group_session',
  'young_expert',
  'evaluation',
  'survey',
  'practitioner',
] as const;
export type YouSaidSource = (typeof YOU_SAID_SOURCES)[number];

export const YOU_SAID_SOURCE_LABELS: Readonly<Record<YouSaidSource, string>> = {
  young_person: 'A young person',
  parent_carer: 'A parent or carer',
  group_session: 'A group session',
  young_expert: 'A young expert',
  evaluation: 'An evaluation',
  survey: 'A survey',
  practitioner: 'A practitioner',
};

export function isYouSaidSource(value: unknown): value is YouSaidSource {
  return typeof value === 'string' && (YOU_SAID_SOURCES as readonly string[]).includes(value);
}
