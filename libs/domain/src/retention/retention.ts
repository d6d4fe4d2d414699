import { z } from 'zod';
import { IsoDate, addDays, todayInLondon } from '../shared/dates';

/**
 * How long Heard keeps each kind of record before the daily job anonymises it (docs/retention.md).
 * Heard is a participation team's system, not the council's statutory record about a child: the
 * case record and the safeguarding record live elsewhere, under their own schedules, so the periods
 * here are only as long as participation work needs. The bounds are what an administrator may set:
 * the minimum keeps what the team's reports and the council's duties still need, the maximum stops
 * anyone keeping children's data "just in case".
 */
export enum RetentionKind {
  YoungPerson = 'young_person',
  Invitation = 'invitation',
  ConsentRecord = 'consent_record',
  Evaluation = 'evaluation',
  YouSaidAttribution = 'you_said_attribution',
  OneToOne = 'one_to_one',
  Worry = 'worry',
  MailOutbox = 'mail_outbox',
  AuditActor = 'audit_actor',
  StaffSession = 'staff_session',
  SignInLink = 'sign_in_link',
  SignInThrottle = 'sign_in_throttle',
}

export interface RetentionRule {
  kind: RetentionKind;
  /** What the records are, as the administrator's page names them. */
  label: string;
  /** When the period starts, in words. */
  countsFrom: string;
  /** What the job does once the period has passed: what goes and what stays. */
  whatHappens: string;
  /** Why this default, and why these bounds. */
  reason: string;
  defaultDays: number;
  minDays: number;
  maxDays: number;
}

const YEAR = 365;

/** The table, in the order the page lists it: people first, then records about them, then housekeeping. */
export const RETENTION_RULES: readonly RetentionRule[] = [
  {
    kind: RetentionKind.YoungPerson,
    label: 'Young people who no longer take part',
    countsFrom:
      'The later of the day they stopped taking part (archived, or their 25th birthday) and the last thing they were invited to, attended, evaluated or left a group.',
    whatHappens:
      'Their whole record is anonymised everywhere, as for an erasure request: what they took part in is still counted, but not who they were. Never while a worry about them waits for a safeguarding contact.',
    reason:
      'Two years lets a young person who drifts away come back and find their history, and covers the annual reports that count them. Participation is for 10 to 25 year olds: nothing here is needed for long after they leave. The case record is kept elsewhere.',
    defaultDays: 2 * YEAR,
    minDays: YEAR,
    maxDays: 6 * YEAR,
  },
  {
    kind: RetentionKind.Invitation,
    label: 'Invitations and their replies',
    countsFrom: 'The day of the thing they were invited to.',
    whatHappens:
      'Reasons given (for saying no, for withdrawing, for inviting outside the cohort, for changing attendance), a review meeting’s venue, a letter’s short code and the trusted adult who handed it over are removed. The invitation, its channel and its answer stay for the figures.',
    reason:
      'The funnel and the annual report compare this year with last, so two years of reasons is enough. Reasons are free text about a young person’s life and should not outlive that use.',
    defaultDays: 2 * YEAR,
    minDays: YEAR,
    maxDays: 6 * YEAR,
  },
  {
    kind: RetentionKind.ConsentRecord,
    label: 'Consent records that have ended',
    countsFrom: 'When the consent ended: withdrawn, expired, or the day of the one activity it was for.',
    whatHappens:
      'The reason for withdrawing and who recorded the withdrawal are removed. That consent was given, in which words, and that it was withdrawn stay, as the law requires us to show.',
    reason:
      'Six years after it ended matches the time in which a claim could be made about a photo or a quote used under it (Limitation Act 1980). It cannot be shorter than two years, the life of a published report.',
    defaultDays: 6 * YEAR,
    minDays: 2 * YEAR,
    maxDays: 10 * YEAR,
  },
  {
    kind: RetentionKind.Evaluation,
    label: 'Evaluations: who answered, and their own words',
    countsFrom: 'The day the evaluation was given.',
    whatHappens:
      'The link to the young person, who entered it and who helped are removed, and free-text answers not published as a quote are replaced. Ratings, age band and occasion stay, so the tool’s results still add up.',
    reason:
      'A practice tool is co-produced, evaluated and embedded over about three years; after that the results matter, not who gave them.',
    defaultDays: 3 * YEAR,
    minDays: YEAR,
    maxDays: 6 * YEAR,
  },
  {
    kind: RetentionKind.YouSaidAttribution,
    label: 'You said items: who said them',
    countsFrom: 'The day the item was closed. Open items are never touched.',
    whatHappens:
      'Who the item was from, the young person on its quotes and the permission to attribute it are removed. The item, its words, its actions and the public board stay.',
    reason:
      'Once the loop is closed the young people have been told and the named link has done its job; two years covers the young experts’ review and the next annual plan.',
    defaultDays: 2 * YEAR,
    minDays: YEAR,
    maxDays: 6 * YEAR,
  },
  {
    kind: RetentionKind.OneToOne,
    label: 'One-to-ones: topic and notes',
    countsFrom: 'The day it was held, or when it was asked for if it never was. Open ones are never touched.',
    whatHappens:
      'The topic, the outcome notes and the place are removed. That a one-to-one was asked for, by whom and whether it happened stay.',
    reason:
      'The notes are about one young person’s life and are only needed to follow up; two years covers the follow-up and the reports that count one-to-ones.',
    defaultDays: 2 * YEAR,
    minDays: YEAR,
    maxDays: 6 * YEAR,
  },
  {
    kind: RetentionKind.Worry,
    label: 'Worries, once acknowledged',
    countsFrom: 'The day a safeguarding contact acknowledged it. Worries not acknowledged are never touched.',
    whatHappens:
      'The words, the young person, who raised it and the acknowledgement note are removed. That a worry was raised, when, and when it was acknowledged stay.',
    reason:
      'Once acknowledged the worry is in the council’s safeguarding record, kept there under its own, much longer schedule; Heard keeps its copy three years to show it was passed on in time. The maximum allows a council to keep Heard’s copy as long as a safeguarding record.',
    defaultDays: 3 * YEAR,
    minDays: YEAR,
    maxDays: 25 * YEAR,
  },
  {
    kind: RetentionKind.MailOutbox,
    label: 'Mail sent (addresses and subjects)',
    countsFrom: 'When the message was queued; only messages sent or given up on.',
    whatHappens:
      'The address, the subject and the last error are removed. That a message of that kind went, when, and about which record stay.',
    reason:
      'Six months answers "did my invitation go?" and covers the mail server’s own logs; the address is on the person’s record while it is needed.',
    defaultDays: 182,
    minDays: 30,
    maxDays: 2 * YEAR,
  },
  {
    kind: RetentionKind.AuditActor,
    label: 'Audit log: who did it',
    countsFrom: 'When it happened.',
    whatHappens:
      'The member of staff and the request id are removed. What was done to which record, and when, stay for good.',
    reason:
      'Two years covers a subject access request, a complaint or an investigation into who read a young person’s record. The event itself is never removed.',
    defaultDays: 2 * YEAR,
    minDays: YEAR,
    maxDays: 7 * YEAR,
  },
  {
    kind: RetentionKind.StaffSession,
    label: 'Signed-in sessions that have ended',
    countsFrom: 'When the session ended, or was last used.',
    whatHappens: 'The session is deleted. The audit log keeps every sign-in and sign-out.',
    reason: 'A session is only needed while it is open; ninety days helps to look into a stolen session.',
    defaultDays: 90,
    minDays: 30,
    maxDays: YEAR,
  },
  {
    kind: RetentionKind.SignInLink,
    label: 'Sign-in links and codes that have expired',
    countsFrom: 'When the link or code expired, or was used.',
    whatHappens:
      'Account invitation and password reset links, young experts’ enrolment codes and passkey challenges are deleted. The audit log keeps that they were issued and used.',
    reason: 'An expired link does nothing; a month is enough to answer "why did my link not work?".',
    defaultDays: 30,
    minDays: 1,
    maxDays: YEAR,
  },
  {
    kind: RetentionKind.SignInThrottle,
    label: 'Sign-in slow-down counters',
    countsFrom: 'The last failed sign-in counted.',
    whatHappens: 'The counter is deleted.',
    reason:
      'A counter forgets its failures after fifteen minutes of quiet, so after a day it only holds a hashed address for no purpose.',
    defaultDays: 1,
    minDays: 1,
    maxDays: 30,
  },
];

export const RETENTION_KINDS: readonly RetentionKind[] = RETENTION_RULES.map((r) => r.kind);

export function retentionRule(kind: RetentionKind): RetentionRule {
  const rule = RETENTION_RULES.find((r) => r.kind === kind);
  if (!rule) throw new Error(`No retention rule for ${kind}`);
  return rule;
}

export function isRetentionKind(value: unknown): value is RetentionKind {
  return typeof value === 'string' && (RETENTION_KINDS as readonly string[]).includes(value);
}

/** Null when `days` may be set for this kind; otherwise what to say, in the administrator's words. */
export function retentionDaysProblem(kind: RetentionKind, days: number): string | null {
  const { minDays, maxDays } = retentionRule(kind);
  if (!Number.isInteger(days)) return 'Use a whole number of days.';
  if (days < minDays) return `At least ${inDays(minDays)} for this kind of record.`;
  if (days > maxDays) return `At most ${inDays(maxDays)} for this kind of record.`;
  return null;
}

function inDays(days: number): string {
  const words = periodInWords(days);
  return words.endsWith('days') || words === '1 day' ? words : `${words} (${days} days)`;
}

/**
 * Where the period ends for records kept `days`, seen at `now`: a record whose period started
 * before `at` (a time) or before `on` (a UK date, for records that start on a day) has passed it.
 * A record that started exactly `days` ago is on its last day and is kept.
 */
export interface RetentionCutoff {
  at: Date;
  on: IsoDate;
}

export function retentionCutoff(days: number, now: Date): RetentionCutoff {
  return { at: new Date(now.getTime() - days * 86_400_000), on: addDays(todayInLondon(now), -days) };
}

/** "2 years", "6 months", "90 days": how the page says a period, rounded only where it is exact. */
export function periodInWords(days: number): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (days % YEAR === 0) return plural(days / YEAR, 'year');
  if (days === 182 || days === 183) return '6 months';
  if (days % 30 === 0 && days < YEAR) return plural(days / 30, 'month');
  return plural(days, 'day');
}

export const RetentionSettingRequestSchema = z
  .object({
    days: z
      .number({ error: 'Give a number of days.' })
      .int('Use a whole number of days.')
      .min(1, 'At least 1 day.')
      // The outer limit for any kind; each kind's own bounds are checked with retentionDaysProblem.
      .max(100 * YEAR, `At most ${100 * YEAR} days.`),
  })
  .strict();
export type RetentionSettingCommand = z.output<typeof RetentionSettingRequestSchema>;

/** One kind as the administrator's page shows it: the rule, and the period set now. */
export interface RetentionSettingResponse extends RetentionRule {
  days: number;
  updatedAt: string | null;
}

/** What one run of the daily job did: how many records of each kind it anonymised. No personal data. */
export interface RetentionRunResponse {
  startedAt: string;
  finishedAt: string;
  counts: Record<RetentionKind, number>;
}

export interface RetentionOverviewResponse {
  kinds: RetentionSettingResponse[];
  lastRun: RetentionRunResponse | null;
}
