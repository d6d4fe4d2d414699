import { Module } from '@nestjs/common';
import { AnswerLinks } from './answer-link';
import { InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';
import { ReminderJob } from './reminder.job';

@Module({
  controllers: [InvitationsController],
  providers: [InvitationsService, AnswerLinks, ReminderJob],
  exports: [InvitationsService],
})
export class InvitationsModule {}
