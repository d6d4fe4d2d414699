import { DEFAULT_QUESTIONS, type EvaluationRoundResponse } from '@heard/domain';
import { OTHER_PERSON_ID, PERSON_ID } from './fixtures';

export const ROUND_ID = '55555555-5555-4555-8555-555555555555';
export const ROUND_URL = `/api/evaluation-rounds/${ROUND_ID}`;
/** Where an officer's evaluations for the round go, online or from the outbox. */
export const ENTRY_URL = `${ROUND_URL}/evaluations`;
export const EVALUATION_ID = '88888888-8888-4888-8888-888888888888';

/** An open named round with the default questions, for Amara and Kai. */
export const entryRound = (): EvaluationRoundResponse => ({
  id: ROUND_ID,
  toolVersionId: '66666666-6666-4666-8666-666666666666',
  toolId: '77777777-7777-4777-8777-777777777777',
  toolName: 'This is Me profile',
  versionLabel: 'v1',
  title: 'Spring activity day',
  questions: DEFAULT_QUESTIONS.map((q) => ({ ...q })),
  occasion: null,
  opensOn: '2026-05-01',
  closesOn: '2026-05-31',
  closedAt: null,
  state: 'open',
  audience: 'named',
  groupId: null,
  invitees: [
    { id: PERSON_ID, displayName: 'Amara' },
    { id: OTHER_PERSON_ID, displayName: 'Kai' },
  ],
  evaluationCount: 0,
  createdAt: '2026-04-20T10:00:00.000Z',
});
