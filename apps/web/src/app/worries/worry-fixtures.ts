import type { WorryResponse } from '@heard/domain';

export const WORRY_ID = '55555555-5555-4555-8555-555555555555';

/** A fictional worry as the API gives it to a safeguarding contact. */
export function worryResponse(overrides: Partial<WorryResponse> = {}): WorryResponse {
  return {
    id: WORRY_ID,
    words: 'Robin said someone at home hit them.',
    youngPerson: { id: '11111111-1111-4111-8111-111111111111', preferredName: 'Robin' },
    source: { kind: 'staff', id: null },
    occasion: null,
    raisedAt: '2026-03-02T10:15:00.000Z',
    raisedBy: { id: '0b7c3e5a-1f2d-4c8e-9a6b-3d2e1f0a9b8c', displayName: 'Olu Officer' },
    acknowledgedAt: null,
    acknowledgedBy: null,
    acknowledgementNote: null,
    ...overrides,
  };
}
