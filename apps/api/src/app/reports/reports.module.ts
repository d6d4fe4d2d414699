import { Module } from '@nestjs/common';
import { ActivitiesModule } from '../activities/activities.module';
import { ConsentModule } from '../consent/consent.module';
import { DocumentsModule } from '../documents/documents.module';
import { ReportDocumentsWorker } from './report-documents.worker';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** The Family Feedback Report and the annual participation report (docs/reports.md). */
@Module({
  imports: [ActivitiesModule, ConsentModule, DocumentsModule],
  controllers: [ReportsController],
  providers: [ReportsService, ReportDocumentsWorker],
})
export class ReportsModule {}
