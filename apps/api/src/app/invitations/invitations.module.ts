import { Module } from '@nestjs/common';
import { OccasionsModule } from '../occasions/occasions.module';
import { AnswerLinks } from './answer-link';
import { AnswerPages } from './answer-pages';
import { ByHandCommands } from './by-hand-commands';
import { ParentCarerCopies } from './parent-carer-copies';
import { InvitationCommands } from './invitation-commands';
import { InvitationNotifier } from './invitation-notifier';
import { InvitationReads } from './invitation-reads';
import { InvitationsController } from './invitations.controller';
import { ReminderJob } from './reminder.job';
import { ShortCodes } from './short-codes';

/**
 * Invitations, split along their seams: commands change them, reads show them, the notifier tells
 * people (and hears of moved and cancelled occasions by subscribing to OccasionEvents).
 */
@Module({
  imports: [OccasionsModule],
  controllers: [InvitationsController],
  providers: [
    InvitationCommands,
    ByHandCommands,
    InvitationReads,
    ParentCarerCopies,
    InvitationNotifier,
    AnswerLinks,
    AnswerPages,
    ShortCodes,
    ReminderJob,
  ],
  exports: [InvitationCommands, InvitationReads, AnswerPages],
})
export class InvitationsModule {}
