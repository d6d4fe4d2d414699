import { Module } from '@nestjs/common';
import { ActionLogLoopModule } from '../action-log/action-log-loop.module';
import { ActivitiesModule } from '../activities/activities.module';
import { WorriesModule } from '../worries/worries.module';
import { PlanFigureRecordsController } from './plan-figure-records.controller';
import { PlanFigureRecordsService } from './plan-figure-records.service';
import { PlanFiguresService } from './plan-figures.service';
import { PlanCommentsService } from './plan-comments.service';
import { PlanDocumentsController, PublishedPlanPdfController } from './plan-documents.controller';
import { PlanDocumentsWorker } from './plan-documents.worker';
import { MyPlanController, PlansController, PublishedPlansController } from './plans.controller';
import { PlansService } from './plans.service';
import { PublishedPlansService } from './published-plans.service';

/** The annual voice plan: its versions, workflow, young experts' comments and the published pages (docs/plan.md). */
@Module({
  imports: [ActionLogLoopModule, ActivitiesModule, WorriesModule],
  controllers: [
    PlansController,
    PublishedPlansController,
    MyPlanController,
    PublishedPlanPdfController,
    PlanDocumentsController,
    PlanFigureRecordsController,
  ],
  providers: [
    PlansService,
    PublishedPlansService,
    PlanCommentsService,
    PlanFiguresService,
    PlanFigureRecordsService,
    PlanDocumentsWorker,
  ],
})
export class PlansModule {}
