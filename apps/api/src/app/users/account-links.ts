import { PASSWORD_RESET_MINUTES } from '@heard/domain';
import { EntityManager } from 'typeorm';
import { newToken, sha256 } from '../../platform/auth/tokens';
import { MailService } from '../../platform/mail/mail.service';
import { User } from './entities/user.entity';
import { staffInvitationMail } from './invitation-mail';
import { passwordResetMail } from './password-reset-mail';
import { emailOf } from './email-of';

export const INVITATION_DAYS = 7;

/**
 * The two links that let someone set a password, each given out in the caller's transaction with its
 * mail queued in the same one. Only the SHA-256 of a token is stored; a new link replaces the last.
 */
export async function issuePasswordReset(
  em: EntityManager,
  mail: MailService,
  publicUrl: string,
  user: User,
  now: Date,
): Promise<void> {
  const token = newToken();
  await em.update(
    User,
    { id: user.id },
    {
      passwordResetTokenHash: sha256(token),
      passwordResetExpiresAt: new Date(now.getTime() + PASSWORD_RESET_MINUTES * 60_000),
    },
  );
  await mail.enqueue(
    em,
    passwordResetMail({
      to: emailOf(user),
      displayName: user.displayName,
      link: `${publicUrl}/reset-password/${token}`,
      minutes: PASSWORD_RESET_MINUTES,
      userId: user.id,
    }),
  );
}

export async function issueInvitation(
  em: EntityManager,
  mail: MailService,
  publicUrl: string,
  user: User,
  now: Date,
): Promise<void> {
  const token = newToken();
  await em.update(
    User,
    { id: user.id },
    {
      invitationTokenHash: sha256(token),
      invitationExpiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
    },
  );
  await mail.enqueue(
    em,
    staffInvitationMail({
      to: emailOf(user),
      displayName: user.displayName,
      role: user.role,
      link: `${publicUrl}/welcome/${token}`,
      userId: user.id,
    }),
  );
}
