import { escapeHtml } from '../../platform/text/html';
import { MailToQueue } from '../../platform/mail/mail.service';

/**
 * Sent to the old address when the sign-in email changes, so someone whose account was taken over
 * hears of it at the address they still read.
 */
export function emailChangedMail(args: {
  to: string;
  displayName: string;
  newEmail: string;
  userId: string;
}): MailToQueue {
  const text = [
    `Hello ${args.displayName},`,
    '',
    `The email address for your Heard account has just been changed to ${args.newEmail}. From now on you sign in with that address, and Heard's emails go there.`,
    '',
    'If that was you, there is nothing to do. If it was not you, tell your Heard administrator straight away.',
  ].join('\n');
  const html = `<p>Hello ${escapeHtml(args.displayName)},</p>
<p>The email address for your Heard account has just been changed to <strong>${escapeHtml(args.newEmail)}</strong>. From now on you sign in with that address, and Heard's emails go there.</p>
<p>If that was you, there is nothing to do. If it was not you, tell your Heard administrator straight away.</p>`;
  return {
    kind: 'email_changed',
    to: args.to,
    subject: 'Your Heard email address has been changed',
    text,
    html,
    related: { type: 'user', id: args.userId },
  };
}

/** Sent after a signed-in change of password (a reset link's change has its own wording). */
export function passwordChangedBySelfMail(args: {
  to: string;
  displayName: string;
  userId: string;
}): MailToQueue {
  const text = [
    `Hello ${args.displayName},`,
    '',
    'The password for your Heard account has just been changed, and every other place you were signed in has been signed out.',
    '',
    'If that was you, there is nothing to do. If it was not you, tell your Heard administrator straight away.',
  ].join('\n');
  const html = `<p>Hello ${escapeHtml(args.displayName)},</p>
<p>The password for your Heard account has just been changed, and every other place you were signed in has been signed out.</p>
<p>If that was you, there is nothing to do. If it was not you, tell your Heard administrator straight away.</p>`;
  return {
    kind: 'password_changed',
    to: args.to,
    subject: 'Your Heard password has been changed',
    text,
    html,
    related: { type: 'user', id: args.userId },
  };
}
