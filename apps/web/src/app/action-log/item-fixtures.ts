/**
 * Sample API answers for the action log's unit tests. Only spec files import this file, so it
 * never reaches the app's bundles. Names are made up.
 */
import type { ActionResponse, ItemDetail, ItemSummary } from '@heard/domain';
import { GROUP_ID, PERSON_ID, SESSION_ID } from '../../testing/fixtures';

export const ITEM_ID = '55555555-5555-4555-8555-555555555555';
export const SERVICE_ID = '66666666-6666-4666-8666-666666666666';
export const THEME_ID = '77777777-7777-4777-8777-777777777777';
export const ACTION_ID = '66666666-6666-4666-8666-666666666666';

export function itemSummary(overrides: Partial<ItemSummary> = {}): ItemSummary {
  return {
    id: ITEM_ID,
    summary: 'Tell us sooner when our social worker changes.',
    source: 'group_session',
    serviceId: SERVICE_ID,
    serviceName: 'Fostering',
    themeId: THEME_ID,
    themeName: 'Transparency and managing expectations',
    saidOn: '2026-03-05',
    stage: 'to_acknowledge',
    acknowledgeBy: '2026-03-09T17:00:00.000Z',
    overdue: false,
    groupId: GROUP_ID,
    groupName: 'Deputies',
    sessionId: SESSION_ID,
    speakerCount: 1,
    ...overrides,
  };
}

export function itemDetail(overrides: Partial<ItemDetail> = {}): ItemDetail {
  return {
    ...itemSummary(),
    channel: 'group_session',
    attributable: false,
    youngWords: null,
    sessionStartsAt: '2026-03-05T17:00:00.000Z',
    speakers: [{ youngPersonId: PERSON_ID, name: 'Sam' }],
    quotes: [],
    timeline: [
      {
        at: '2026-03-05T18:40:00.000Z',
        event: 'item_recorded',
        byName: 'Olu Officer',
        detail: { source: 'group_session' },
      },
    ],
    evaluationId: null,
    acknowledgedBy: null,
    acknowledgedAt: null,
    closedAt: null,
    createdAt: '2026-03-05T18:40:00.000Z',
    updatedAt: '2026-03-05T18:40:00.000Z',
    ...overrides,
  };
}

/** An action answering the item, planned by the signed-in test officer. */
export function actionResponse(overrides: Partial<ActionResponse> = {}): ActionResponse {
  return {
    id: ACTION_ID,
    status: 'planned',
    answer: 'we_will',
    words: 'New review leaflet',
    youngWords: null,
    cantReason: null,
    owner: { id: 'user-participation_officer', displayName: 'Ola Officer' },
    dueOn: '2026-07-31',
    doneOn: null,
    progress: 0,
    evidence: null,
    lundy: [],
    itemIds: [ITEM_ID],
    notes: [],
    createdAt: '2026-06-01T09:00:00.000Z',
    updatedAt: '2026-06-01T09:00:00.000Z',
    ...overrides,
  };
}
