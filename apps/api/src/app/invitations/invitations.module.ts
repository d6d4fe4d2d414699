import { Module } from '@nestjs/common';
import { AnswerLinks } from './answer-link';
import { InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';
import { ReminderJob } from './reminder.job';
import { ShortCodes } from './short-codes';

@Module({
  controllers: [InvitationsController],
  providers: [InvitationsService, AnswerLinks, ShortCodes, ReminderJob],
  exports: [InvitationsService],
})
export class InvitationsModule {}
