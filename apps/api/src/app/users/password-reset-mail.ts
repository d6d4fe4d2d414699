import { escapeHtml } from '../../platform/mail/mail-html';
import { MailToQueue } from '../../platform/mail/mail.service';

export function passwordResetMail(args: {
  to: string;
  displayName: string;
  link: string;
  minutes: number;
  userId: string;
}): MailToQueue {
  const text = [
    `Hello ${args.displayName},`,
    '',
    'Someone asked to choose a new password for your Heard account.',
    `Choose it here (the link works once, for ${args.minutes} minutes):`,
    args.link,
    '',
    'If it was not you, you can ignore this email: your password stays as it is.',
  ].join('\n');
  const html = `<p>Hello ${escapeHtml(args.displayName)},</p>
<p>Someone asked to choose a new password for your Heard account.</p>
<p><a href="${escapeHtml(args.link)}">Choose a new password</a> (the link works once, for ${args.minutes} minutes).</p>
<p>If it was not you, you can ignore this email: your password stays as it is.</p>`;
  return {
    kind: 'password_reset',
    to: args.to,
    subject: 'Choose a new Heard password',
    text,
    html,
    related: { type: 'user', id: args.userId },
  };
}
