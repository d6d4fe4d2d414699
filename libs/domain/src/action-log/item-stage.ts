/**
 * Where a You said item is in its life. Worked out in SQL (itemStageSql in the API's action log),
 * named here so the log's filter, the officer's queue and the pages use the same words.
 */
export const ITEM_STAGES = [
  'to_acknowledge',
  'to_answer',
  'to_tell',
  'in_hand',
  'to_close',
  'closed',
] as const;
export type ItemStage = (typeof ITEM_STAGES)[number];

export const ITEM_STAGE_LABELS: Readonly<Record<ItemStage, string>> = {
  to_acknowledge: 'To acknowledge',
  to_answer: 'To answer',
  to_tell: 'To tell the young people',
  in_hand: 'We will: in hand',
  to_close: 'Ready to close',
  closed: 'Closed',
};
