import { Module } from '@nestjs/common';
import { ActivitiesModule } from '../activities/activities.module';
import { LeadersViewController } from './leaders-view.controller';
import { LeadersViewService } from './leaders-view.service';

/** What senior leaders look at: their view of the programme, in aggregates. */
@Module({
  imports: [ActivitiesModule],
  controllers: [LeadersViewController],
  providers: [LeadersViewService],
})
export class LeadersModule {}
