import { addDays } from '@heard/domain';

/**
 * Query strings a period endpoint (LeadersViewQuerySchema: the leaders' view, reach, the pledges
 * download) must refuse, around a good period `from`–`to`: none, half of one, a date that does not
 * exist, back to front, over two years, oversized, and an array where a date goes.
 */
export function invalidPeriodQueries(from: string, to: string): string[] {
  return [
    '',
    `from=${from}`,
    'from=2026-02-30&to=2026-03-01',
    `from=${to}&to=${from}`,
    `from=${addDays(to, -800)}&to=${to}`,
    `from=${'9'.repeat(5000)}&to=${to}`,
    `from[]=${from}&to=${to}`,
  ];
}
