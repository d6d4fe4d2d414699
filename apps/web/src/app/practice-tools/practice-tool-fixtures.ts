import type { PracticeToolResponse } from '@heard/domain';

export const TOOL_ID = '55555555-5555-4555-8555-555555555555';

/** A fictional tool as the API answers it, for the web specs. */
export function toolResponse(overrides: Partial<PracticeToolResponse> = {}): PracticeToolResponse {
  return {
    id: TOOL_ID,
    name: 'Invitation-to-chair letter',
    purpose: 'Invites a young person to chair their own review.',
    owningService: 'Independent reviewing service',
    coProducedWith: 'Seniors',
    stage: 'co_producing',
    stageSince: '2026-03-02T10:00:00Z',
    latestVersion: null,
    versionCount: 0,
    versions: [],
    stageHistory: [
      {
        id: 'a1',
        from: null,
        to: 'co_producing',
        reason: null,
        movedAt: '2026-03-02T10:00:00Z',
        movedBy: { id: 'user-1', displayName: 'Sam Officer' },
      },
    ],
    createdAt: '2026-03-02T10:00:00Z',
    updatedAt: '2026-03-02T10:00:00Z',
    ...overrides,
  };
}
