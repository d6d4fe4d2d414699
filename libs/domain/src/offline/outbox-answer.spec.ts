import { type OutboxAnswer, type OutboxState, outboxStepFor } from './outbox-answer';

const conflict = {
  type: 'https://heard.example/problems/offline-conflict',
  title: 'Not applied',
  status: 409,
  detail: 'Sam marked Alex as did not come at 14:02, after your mark.',
  outcome: 'kept-server-mark',
};

describe('outboxStepFor', () => {
  it.each<[string, OutboxAnswer, OutboxState, boolean, boolean, string | null]>([
    ['no answer at all', { status: 0, body: null }, 'waiting', true, false, null],
    ['a server error', { status: 500, body: { detail: 'Oops' } }, 'waiting', true, false, null],
    ['a gateway timeout', { status: 504, body: null }, 'waiting', true, false, null],
    ['too many requests', { status: 429, body: null }, 'waiting', true, false, null],
    ['request timeout', { status: 408, body: null }, 'waiting', true, false, null],
    ['the session ended', { status: 401, body: { detail: 'Sign in' } }, 'waiting', true, true, null],
    ['stored', { status: 200, body: { id: 'x' } }, 'sent', false, false, null],
    ['created', { status: 201, body: { id: 'x' } }, 'sent', false, false, null],
    ['no content', { status: 204, body: null }, 'sent', false, false, null],
    [
      'held for the officer',
      { status: 202, body: { held: true, heldChangeId: 'h1', detail: 'Consent was withdrawn at 11:00.' } },
      'held',
      false,
      false,
      'Consent was withdrawn at 11:00.',
    ],
    [
      'held, no words',
      { status: 202, body: { held: true } },
      'held',
      false,
      false,
      'This change is held for you to decide.',
    ],
    ['accepted but not held', { status: 202, body: { held: false } }, 'sent', false, false, null],
    ['an offline conflict', { status: 409, body: conflict }, 'conflict', false, false, conflict.detail],
    [
      'first send still in flight',
      { status: 409, body: { detail: 'Wait' }, retryAfter: true },
      'waiting',
      true,
      false,
      null,
    ],
    [
      'another 409',
      { status: 409, body: { type: 'about:blank', detail: 'Consent is missing.' } },
      'needs-attention',
      false,
      false,
      'Consent is missing.',
    ],
    [
      'same key, another body',
      { status: 422, body: { detail: 'This key was used for another request.' } },
      'needs-attention',
      false,
      false,
      'This key was used for another request.',
    ],
    [
      'a refusal with no words',
      { status: 403, body: '' },
      'needs-attention',
      false,
      false,
      'The server refused this change (403).',
    ],
    [
      'bad input',
      { status: 400, body: { detail: 'Status is not valid.' } },
      'needs-attention',
      false,
      false,
      'Status is not valid.',
    ],
  ])('%s', (_, answer, state, stopSending, signInAgain, detail) => {
    const step = outboxStepFor(answer);
    expect(step).toMatchObject({ state, stopSending, signInAgain, detail });
  });

  it('keeps the server’s outcome for a conflict', () => {
    expect(outboxStepFor({ status: 409, body: conflict }).outcome).toBe('kept-server-mark');
  });

  it('gives a conflict words when the server gave none', () => {
    const step = outboxStepFor({ status: 409, body: { type: 'x/offline-conflict' } });
    expect(step.detail).toMatch(/not applied/);
  });
});
