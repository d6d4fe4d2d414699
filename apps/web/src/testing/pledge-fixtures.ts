import type { PledgeResponse, PledgeSummary } from '@heard/domain';

/** A fictional senior leader and one of their pledges, for the pledge pages' and the leaders' view's specs. */
export const PLEDGE_ID = '66666666-6666-4666-8666-666666666666';
export const PLEDGE_LEADER = { id: '77777777-7777-4777-8777-777777777777', displayName: 'Dana Fairweather' };

/** A confirmed pledge as lists show it: both sides say green, an update due on 20 December 2026. */
export function pledgeSummary(over: Partial<PledgeSummary> = {}): PledgeSummary {
  return {
    id: PLEDGE_ID,
    status: 'active',
    unconfirmed: false,
    madeBy: PLEDGE_LEADER,
    role: 'Head of Service',
    forum: 'Managers’ forum',
    madeOn: '2026-11-02',
    words: 'Every letter will use the young person’s own words.',
    theme: { id: 'theme-1', name: 'Our language' },
    targetDate: '2027-03-31',
    updateEveryDays: 30,
    nextUpdateDue: '2026-12-20',
    ratings: {
      leader: { rag: 'green', reason: 'Done' },
      youngPeople: { rag: 'green', counts: { kept: 2, partly: 0, not_kept: 0 } },
      flagged: false,
      divergence: null,
    },
    updatedAt: '2026-11-10T09:00:00.000Z',
    ...over,
  };
}

/** The same pledge as its own page reads it, made to a group, with no updates, verdicts or links yet. */
export function pledgeResponse(over: Partial<PledgeResponse> = {}): PledgeResponse {
  return {
    ...pledgeSummary(),
    occasion: null,
    group: { id: 'group-1', name: 'Young DIB' },
    recordedBy: { id: 'officer-1', displayName: 'Ola Officer' },
    confirmedAt: '2026-11-03T09:00:00.000Z',
    statusReason: null,
    updates: [],
    verdicts: [],
    links: { itemIds: [], actionIds: [] },
    createdAt: '2026-11-02T09:00:00.000Z',
    ...over,
  };
}
