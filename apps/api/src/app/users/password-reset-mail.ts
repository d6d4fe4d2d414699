import { escapeHtml } from '../../platform/text/html';
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

/** Sent after a reset, so someone whose mailbox was used to take their account over hears of it. */
export function passwordChangedMail(args: {
  to: string;
  displayName: string;
  signInLink: string;
  userId: string;
}): MailToQueue {
  const text = [
    `Hello ${args.displayName},`,
    '',
    'The password for your Heard account has just been changed, and every place you were signed in has been signed out.',
    `If that was you, there is nothing to do. You can sign in here: ${args.signInLink}`,
    '',
    'If it was not you, tell your Heard administrator straight away.',
  ].join('\n');
  const html = `<p>Hello ${escapeHtml(args.displayName)},</p>
<p>The password for your Heard account has just been changed, and every place you were signed in has been signed out.</p>
<p>If that was you, there is nothing to do. You can <a href="${escapeHtml(args.signInLink)}">sign in here</a>.</p>
<p>If it was not you, tell your Heard administrator straight away.</p>`;
  return {
    kind: 'password_changed',
    to: args.to,
    subject: 'Your Heard password has been changed',
    text,
    html,
    related: { type: 'user', id: args.userId },
  };
}
