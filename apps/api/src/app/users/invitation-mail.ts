import { ROLE_LABELS, Role } from '@heard/domain';
import { escapeHtml } from '../../platform/text/html';
import { MailToQueue } from '../../platform/mail/mail.service';

export function staffInvitationMail(args: {
  to: string;
  displayName: string;
  role: Role;
  link: string;
  userId: string;
}): MailToQueue {
  const role = ROLE_LABELS[args.role].toLowerCase();
  const text = [
    `Hello ${args.displayName},`,
    '',
    `You have been given a Heard account as a ${role}.`,
    'Choose your password here (the link works for 7 days):',
    args.link,
    '',
    'If you were not expecting this, you can ignore this email.',
  ].join('\n');
  const html = `<p>Hello ${escapeHtml(args.displayName)},</p>
<p>You have been given a Heard account as a ${escapeHtml(role)}.</p>
<p><a href="${escapeHtml(args.link)}">Choose your password</a> (the link works for 7 days).</p>
<p>If you were not expecting this, you can ignore this email.</p>`;
  return {
    kind: 'staff_invitation',
    to: args.to,
    subject: 'Your Heard account',
    text,
    html,
    related: { type: 'user', id: args.userId },
  };
}
