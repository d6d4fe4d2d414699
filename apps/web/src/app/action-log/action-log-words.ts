import {
  ITEM_STAGE_LABELS,
  YOU_SAID_CHANNEL_LABELS,
  YOU_SAID_SOURCE_LABELS,
  isYouSaidSource,
} from '@heard/domain';
import type { ItemSummary, YouSaidChannel } from '@heard/domain';
import { londonDate, londonTime, shortDate } from '../core/dates';

/**
 * How the log's pages put an item into words. The stage and whether it is overdue are always
 * written out, so nothing is told by colour alone.
 */
export function stageWords(item: Pick<ItemSummary, 'stage'>): string {
  return ITEM_STAGE_LABELS[item.stage] ?? item.stage;
}

/** "4 Dec 2026, 17:30": when an item must be taken on by, in UK time. */
export function instantWords(instant: string): string {
  return `${shortDate(londonDate(instant))}, ${londonTime(instant)}`;
}

/** Empty unless the item is overdue: then what is late and since when. */
export function overdueWords(item: Pick<ItemSummary, 'overdue' | 'acknowledgeBy'>): string {
  return item.overdue
    ? `Overdue: it should have been acknowledged by ${instantWords(item.acknowledgeBy)}`
    : '';
}

export function sourceWords(source: string): string {
  return isYouSaidSource(source) ? YOU_SAID_SOURCE_LABELS[source] : source;
}

export function channelWords(channel: string): string {
  return YOU_SAID_CHANNEL_LABELS[channel as YouSaidChannel] ?? channel;
}

/** What each timeline entry says happened, in words (the API stores the event's name). */
const TIMELINE_EVENTS: Readonly<Record<string, string>> = {
  item_recorded: 'Recorded',
  item_changed: 'Changed',
  item_acknowledged: 'Acknowledged: an officer took it on',
  item_closed: 'Closed',
  item_reopened: 'Opened again',
  quote_added: 'Quote added',
  action_linked: 'Answered by an action',
  action_status: 'An action’s answer changed',
  action_changed: 'An action was changed',
  progress_noted: 'Progress noted',
  told: 'The young people were told',
  published: 'Published on the board',
  unpublished: 'Taken off the board',
  rated: 'Rated by the young experts',
  reminded: 'Reminder sent',
};

export function timelineWords(event: string): string {
  return TIMELINE_EVENTS[event] ?? event.replace(/_/g, ' ');
}
