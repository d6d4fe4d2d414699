import { Module } from '@nestjs/common';
import { ActionLogExportService } from './action-log-export.service';
import { ActionLogImportService } from './action-log-import.service';
import { ActionLogOfficeController } from './action-log-office.controller';
import { ActionLogQueueService } from './action-log-queue.service';
import { ChaseJob } from './chase.job';

/** The officers' side of "You said, We did": the queue, exports, import and the daily chasing. */
@Module({
  controllers: [ActionLogOfficeController],
  providers: [ActionLogQueueService, ActionLogExportService, ActionLogImportService, ChaseJob],
})
export class ActionLogOfficeModule {}
