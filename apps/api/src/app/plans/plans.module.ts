import { Module } from '@nestjs/common';
import { ActionLogLoopModule } from '../action-log/action-log-loop.module';
import { ActivitiesModule } from '../activities/activities.module';
import { ConsentModule } from '../consent/consent.module';
import { DocumentsModule } from '../documents/documents.module';
import { WorriesModule } from '../worries/worries.module';
import { PlanFigureRecordsController } from './plan-figure-records.controller';
import { PlanFigureRecordsService } from './plan-figure-records.service';
import { PlanFiguresService } from './plan-figures.service';
import { PlanCommentsService } from './plan-comments.service';
import {
  MyPlanPicturesController,
  PlanPicturesController,
  PublishedPlanPicturesController,
} from './plan-pictures.controller';
import { PlanPicturesService } from './plan-pictures.service';
import { PlanDocumentsController, PublishedPlanPdfController } from './plan-documents.controller';
import { PlanDocumentsWorker } from './plan-documents.worker';
import { MyPlanController, PlansController, PublishedPlansController } from './plans.controller';
import { PlansService } from './plans.service';
import { PublishedPlansService } from './published-plans.service';

/** The annual voice plan: its versions, workflow, young experts' comments and the published pages (docs/plan.md). */
@Module({
  imports: [ActionLogLoopModule, ActivitiesModule, ConsentModule, DocumentsModule, WorriesModule],
  controllers: [
    // Before the controllers with `published-plans/:versionId…` and `plans/:id…` routes.
    PlanPicturesController,
    PublishedPlanPicturesController,
    MyPlanPicturesController,
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
    PlanPicturesService,
    PlanFigureRecordsService,
    PlanDocumentsWorker,
  ],
})
export class PlansModule {}
