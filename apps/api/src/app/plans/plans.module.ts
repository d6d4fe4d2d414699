import { Module } from '@nestjs/common';
import { ActionLogLoopModule } from '../action-log/action-log-loop.module';
import { PlansController, PublishedPlansController } from './plans.controller';
import { PlansService } from './plans.service';
import { PublishedPlansService } from './published-plans.service';

/** The annual voice plan: its versions, workflow and the published pages (docs/plan.md). */
@Module({
  imports: [ActionLogLoopModule],
  controllers: [PlansController, PublishedPlansController],
  providers: [PlansService, PublishedPlansService],
})
export class PlansModule {}
