import { Module } from '@nestjs/common';
import { ConsentModule } from '../consent/consent.module';
import { InvitationsModule } from '../invitations/invitations.module';
import { OccasionsModule } from '../occasions/occasions.module';
import { ActivitiesController } from './activities.controller';
import { ActivitiesService } from './activities.service';
import { ActivityDayOnTheDay } from './activity-day-on-the-day.service';
import { FunnelService } from './funnel.service';

@Module({
  imports: [InvitationsModule, ConsentModule, OccasionsModule],
  controllers: [ActivitiesController],
  providers: [ActivitiesService, ActivityDayOnTheDay, FunnelService],
  // The leaders' view shows the same funnel; a held change is applied through the same register.
  exports: [FunnelService, ActivityDayOnTheDay],
})
export class ActivitiesModule {}
