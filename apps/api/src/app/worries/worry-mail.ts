import { OCCASION_KIND_LABELS, OccasionRef, WORRY_SOURCE_LABELS, WorrySourceKind } from '@heard/domain';
import { escapeHtml } from '../../platform/text/html';
import { MailToQueue } from '../../platform/mail/mail.service';

/** Fixed, with no name in it: a subject shows in notification previews and on shared screens. */
export const WORRY_MAIL_SUBJECT = 'A worry has been raised in Heard: please read and acknowledge it';

export interface WorryMailFacts {
  worryId: string;
  to: string;
  contactName: string;
  /** The young person's preferred name, when known. */
  youngPersonName: string | null;
  source: { kind: WorrySourceKind; id: string | null };
  occasion: OccasionRef | null;
  /** The occasion's title and date as the occasions module gives them, when it was found. */
  occasionTitle: string | null;
  raisedAt: Date;
  raisedByName: string | null;
  words: string;
  link: string;
}

const LONDON = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'full',
  timeStyle: 'short',
  timeZone: 'Europe/London',
});

/** Who, as the contact reads it: the name if known, else what is known of where it came from. */
export function worryWho(f: Pick<WorryMailFacts, 'youngPersonName' | 'source'>): string {
  if (f.youngPersonName) return f.youngPersonName;
  return f.source.kind === 'round_link'
    ? 'a young person using a round link (no name given)'
    : 'a young person (no name given)';
}

/**
 * The words go in the email on purpose (docs/decisions/0018-worry-mail-carries-the-words.md): a
 * contact must be able to act at once from their phone. The mail outbox forgets bodies once sent.
 */
export function worryMail(f: WorryMailFacts): MailToQueue {
  const who = worryWho(f);
  const when = LONDON.format(f.raisedAt);
  const where = [
    `How it came: ${WORRY_SOURCE_LABELS[f.source.kind]}${f.raisedByName ? `, by ${f.raisedByName}` : ''}.`,
    ...(f.source.kind === 'round_link' && f.source.id ? [`Round: ${f.source.id}`] : []),
    ...(f.source.kind === 'evaluation' && f.source.id ? [`Evaluation: ${f.source.id}`] : []),
    ...(f.occasion
      ? [
          `Occasion: ${OCCASION_KIND_LABELS[f.occasion.kind] ?? f.occasion.kind}${f.occasionTitle ? `, ${f.occasionTitle}` : ''} (${f.occasion.id})`,
        ]
      : []),
  ];
  const text = [
    `Hello ${f.contactName},`,
    '',
    'You are a safeguarding contact in Heard, and a worry has just been raised.',
    '',
    `Who: ${who}`,
    `When: ${when}`,
    ...where,
    '',
    'Their words:',
    f.words,
    '',
    'Open it in Heard and acknowledge it, so the others know someone has it:',
    f.link,
  ].join('\n');
  const html = `<p>Hello ${escapeHtml(f.contactName)},</p>
<p>You are a safeguarding contact in Heard, and a worry has just been raised.</p>
<p><strong>Who:</strong> ${escapeHtml(who)}<br><strong>When:</strong> ${escapeHtml(when)}<br>${where.map(escapeHtml).join('<br>')}</p>
<p><strong>Their words:</strong></p>
<blockquote style="white-space: pre-wrap">${escapeHtml(f.words)}</blockquote>
<p><a href="${escapeHtml(f.link)}">Open it in Heard and acknowledge it</a>, so the others know someone has it.</p>`;
  return {
    kind: 'worry',
    to: f.to,
    subject: WORRY_MAIL_SUBJECT,
    text,
    html,
    related: { type: 'worry', id: f.worryId },
  };
}
