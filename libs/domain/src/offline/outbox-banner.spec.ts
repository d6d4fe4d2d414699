import { type OutboxBanner, type OutboxCounts, outboxBanner } from './outbox-banner';

const none: OutboxCounts = { waiting: 0, needYou: 0, sent: 0, sending: false, signInAgain: false };

describe('outboxBanner', () => {
  it.each<[string, Partial<OutboxCounts>, OutboxBanner | null]>([
    ['nothing ever kept', {}, null],
    ['seven waiting', { waiting: 7 }, { text: 'Not sent yet: 7 changes', needYou: null }],
    ['one waiting', { waiting: 1 }, { text: 'Not sent yet: 1 change', needYou: null }],
    ['sending', { waiting: 3, sending: true }, { text: 'Sending…', needYou: null }],
    ['all sent', { sent: 12 }, { text: 'All sent', needYou: null }],
    ['all sent, sending finished', { sent: 1, sending: true }, { text: 'All sent', needYou: null }],
    ['sent, two need you', { sent: 5, needYou: 2 }, { text: 'All sent', needYou: '2 changes need you' }],
    ['one needs you', { needYou: 1 }, { text: 'All sent', needYou: '1 change needs you' }],
    [
      'waiting and needing you',
      { waiting: 4, needYou: 1 },
      { text: 'Not sent yet: 4 changes', needYou: '1 change needs you' },
    ],
    [
      'session ended',
      { waiting: 2, signInAgain: true },
      { text: 'Not sent yet: 2 changes. Sign in again to send them.', needYou: null },
    ],
  ])('%s', (_, counts, banner) => {
    expect(outboxBanner({ ...none, ...counts })).toEqual(banner);
  });
});
