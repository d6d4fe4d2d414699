import { Module } from '@nestjs/common';
import { EvaluationsModule } from '../evaluations/evaluations.module';
import { ActionLogItemsController } from './action-log-items.controller';
import { ActionLogListsController } from './action-log-items.lists.controller';
import { ActionLogListsService } from './action-log-items.lists.service';
import { ItemRecorder } from './action-log-items.recording';
import { ActionLogItemsService } from './action-log-items.service';
import { SessionYouSaidService } from './action-log-items.session.service';

/** You said items, their lists and settings (issue 12 §1–2, docs/action-log.md "Items"). */
@Module({
  imports: [EvaluationsModule],
  controllers: [ActionLogItemsController, ActionLogListsController],
  providers: [ActionLogItemsService, SessionYouSaidService, ActionLogListsService, ItemRecorder],
  exports: [ActionLogItemsService],
})
export class ActionLogItemsModule {}
