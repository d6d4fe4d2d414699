import { PhotoPlan, dayInWords, photoPlanWords, timesInWords } from '@heard/domain';
import { escapeHtml } from '../../platform/text/html';
import { MailToQueue } from '../../platform/mail/mail.service';

/** What every message about one invitation needs to say. */
export interface InvitationMailFacts {
  invitationId: string;
  to: string;
  firstName: string;
  title: string;
  date: string;
  startTime: string | null;
  endTime: string | null;
  venue: string | null;
  link: string;
  /** What they will be asked about, how they get there, and who to ask: for the invitation itself. */
  askedAbout?: string | null;
  transport?: string | null;
  photos?: PhotoPlan | null;
  contact?: { name: string | null; phone: string | null };
}

export type InvitationMailKind = 'invitation' | 'reminder' | 'moved' | 'cancelled' | 'place_free';

interface Wording {
  subject: string;
  lines: string[];
  /** The button's words, or null when there is nothing left to answer. */
  action: string | null;
}

// Times in words ("half past 10 in the morning"): a 10-year-old misreads 17:30 more easily.
function when(f: Pick<InvitationMailFacts, 'date' | 'startTime' | 'endTime'>): string {
  const time = timesInWords(f.startTime, f.endTime);
  return time ? `${dayInWords(f.date)}, ${time}` : dayInWords(f.date);
}

/** Who to ask, in one sentence, or null when nobody is named. */
function askWho(contact: InvitationMailFacts['contact']): string | null {
  if (!contact?.name && !contact?.phone) return null;
  const who = contact.name ?? 'the participation team';
  return contact.phone ? `Questions? Ask ${who} on ${contact.phone}.` : `Questions? Ask ${who}.`;
}

// Short sentences and everyday words: these go to young people from 10 years old.
function wordingFor(kind: InvitationMailKind, f: InvitationMailFacts, reason: string | null): Wording {
  const where = f.venue ? `Where: ${f.venue}` : null;
  switch (kind) {
    case 'invitation':
      return {
        subject: `You are invited: ${f.title}`,
        lines: [
          `We would love you to come to ${f.title}.`,
          `When: ${when(f)}`,
          ...(where ? [where] : []),
          ...(f.askedAbout ? [`We will ask you about: ${f.askedAbout}`] : []),
          ...(f.transport ? [`Getting there: ${f.transport}`] : []),
          ...(photoPlanWords(f.photos ?? null) ? [photoPlanWords(f.photos ?? null) as string] : []),
          'Please tell us if you can come. You can say yes or no, and you can change your mind until the day.',
          ...(askWho(f.contact) ? [askWho(f.contact) as string] : []),
        ],
        action: 'Say yes or no',
      };
    case 'reminder':
      return {
        subject: `See you soon: ${f.title}`,
        lines: [
          `This is a reminder that ${f.title} is coming up.`,
          `When: ${when(f)}`,
          ...(where ? [where] : []),
          'If you can no longer come, that is OK. Please let us know.',
        ],
        action: 'Change my answer',
      };
    case 'moved':
      return {
        subject: `New time: ${f.title}`,
        lines: [
          `${f.title} has moved.`,
          `The new time is: ${when(f)}`,
          ...(where ? [where] : []),
          ...(reason ? [`Why: ${reason}`] : []),
          'Please check you can still come.',
        ],
        action: 'Check my answer',
      };
    case 'cancelled':
      return {
        subject: `Cancelled: ${f.title}`,
        lines: [
          `Sorry, ${f.title} on ${dayInWords(f.date)} is not happening any more.`,
          ...(reason ? [`Why: ${reason}`] : []),
          'We will let you know about other things you can join.',
        ],
        action: null,
      };
    case 'place_free':
      return {
        subject: `A place is free for you: ${f.title}`,
        lines: [
          `Good news: a place came up, so you are now coming to ${f.title}.`,
          `When: ${when(f)}`,
          ...(where ? [where] : []),
          'If you can no longer come, please let us know.',
        ],
        action: 'Check my answer',
      };
  }
}

/** One friendly message in plain text and simple, bright HTML: a greeting, short lines, at most one button. */
function friendlyMail(m: {
  subject: string;
  greeting: string;
  lines: string[];
  action: { words: string; link: string } | null;
}): { subject: string; text: string; html: string } {
  const text = [
    m.greeting,
    '',
    ...m.lines,
    '',
    ...(m.action ? [`${m.action.words}: ${m.action.link}`, ''] : []),
    'From the participation team',
  ].join('\n');
  const button = m.action
    ? `<p><a href="${escapeHtml(m.action.link)}" style="display:inline-block;background:#5b2a86;color:#ffffff;padding:12px 20px;border-radius:24px;text-decoration:none;font-weight:bold">${escapeHtml(m.action.words)}</a></p>`
    : '';
  const html = `<div style="font-family:Arial,sans-serif;font-size:18px;line-height:1.5;color:#1b1b1f;max-width:560px">
<div style="background:#ffd166;border-radius:12px;padding:16px 20px;margin-bottom:16px"><strong style="font-size:22px">${escapeHtml(m.subject)}</strong></div>
<p>${escapeHtml(m.greeting)}</p>
${m.lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n')}
${button}
<p>From the participation team</p>
</div>`;
  return { subject: m.subject, text, html };
}

/** An email to a young person about their invitation. */
export function invitationMail(
  kind: InvitationMailKind,
  facts: InvitationMailFacts,
  reason: string | null = null,
): MailToQueue {
  const w = wordingFor(kind, facts, reason);
  return {
    kind: `young_person_${kind}`,
    to: facts.to,
    ...friendlyMail({
      subject: w.subject,
      greeting: `Hi ${facts.firstName},`,
      lines: w.lines,
      action: w.action ? { words: w.action, link: facts.link } : null,
    }),
    related: { type: 'invitation', id: facts.invitationId },
  };
}

/**
 * A copy for the parent or carer on the young person's record: what, when, where, getting there,
 * photos and who to ask. No answer link: the answer is the young person's own.
 */
export function parentCarerMail(args: {
  invitationId: string;
  to: string;
  parentCarerName: string;
  firstName: string;
  facts: Omit<InvitationMailFacts, 'to' | 'firstName' | 'invitationId' | 'link'>;
  contact: InvitationMailFacts['contact'];
}): MailToQueue {
  const f = args.facts;
  const photos = photoPlanWords(f.photos ?? null, args.firstName);
  return {
    kind: 'parent_carer_invitation',
    to: args.to,
    ...friendlyMail({
      subject: `${args.firstName} is invited: ${f.title}`,
      greeting: `Hello ${args.parentCarerName},`,
      lines: [
        `We have invited ${args.firstName} to ${f.title}. You asked to hear about invitations like this.`,
        `When: ${when(f)}`,
        ...(f.venue ? [`Where: ${f.venue}`] : []),
        ...(f.transport ? [`Getting there: ${f.transport}`] : []),
        ...(photos ? [photos] : []),
        `${args.firstName} gives their own answer, with their own invitation. You do not need to reply.`,
        ...(askWho(args.contact) ? [askWho(args.contact) as string] : []),
      ],
      action: null,
    }),
    // Its own type: an invitation's mail status is the young person's email, never this copy.
    related: { type: 'invitation_parent_carer', id: args.invitationId },
  };
}

/** To a parent or carer with a copy, when what their young person was invited to changes. */
export function parentCarerChangeMail(args: {
  invitationId: string;
  to: string;
  parentCarerName: string;
  firstName: string;
  news: 'moved' | 'cancelled' | 'place_free';
  facts: Omit<InvitationMailFacts, 'to' | 'firstName' | 'invitationId' | 'link'>;
  reason: string | null;
}): MailToQueue {
  const f = args.facts;
  const words = {
    moved: { subject: `New time: ${f.title}`, line: `${f.title} has moved. The new time is: ${when(f)}` },
    cancelled: {
      subject: `Cancelled: ${f.title}`,
      line: `Sorry, ${f.title} on ${dayInWords(f.date)} is not happening any more.`,
    },
    place_free: {
      subject: `A place is free: ${f.title}`,
      line: `A place came free, so ${args.firstName} now has a place at ${f.title}: ${when(f)}`,
    },
  }[args.news];
  return {
    kind: `parent_carer_${args.news}`,
    to: args.to,
    ...friendlyMail({
      subject: words.subject,
      greeting: `Hello ${args.parentCarerName},`,
      lines: [
        words.line,
        ...(args.reason ? [`Why: ${args.reason}`] : []),
        `You had a copy of ${args.firstName}'s invitation, so we are letting you know too.`,
      ],
      action: null,
    }),
    related: { type: 'invitation_parent_carer', id: args.invitationId },
  };
}

/** To a trusted adult who hands invitations over, when something they are handing over changes. */
export function trustedAdultChangeMail(args: {
  invitationId: string;
  to: string;
  adultName: string;
  youngPersonName: string;
  kind: Exclude<InvitationMailKind, 'invitation'>;
  facts: Omit<InvitationMailFacts, 'to' | 'firstName' | 'invitationId' | 'link'>;
  reason: string | null;
}): MailToQueue {
  const change = {
    reminder: `is coming up on ${dayInWords(args.facts.date)}`,
    moved: `has moved to ${dayInWords(args.facts.date)}${args.facts.startTime ? ` at ${args.facts.startTime}` : ''}`,
    cancelled: 'has been cancelled',
    place_free: 'now has a place for them (they were on the waiting list)',
  }[args.kind];
  const lines = [
    `${args.facts.title} ${change}.`,
    ...(args.reason ? [`Reason: ${args.reason}`] : []),
    `Please let ${args.youngPersonName} know, as you handed their invitation over.`,
  ];
  return {
    kind: `trusted_adult_${args.kind}`,
    to: args.to,
    subject: `Please tell ${args.youngPersonName}: ${args.facts.title}`,
    text: [`Hello ${args.adultName},`, '', ...lines, '', 'Heard, for the participation team'].join('\n'),
    html: `<p>Hello ${escapeHtml(args.adultName)},</p>\n${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n')}\n<p>Heard, for the participation team</p>`,
    related: { type: 'invitation', id: args.invitationId },
  };
}
