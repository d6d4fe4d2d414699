import { Module } from '@nestjs/common';
import { ActionLogActionsController } from './action-log-actions.controller';
import { ActionLogActionsService } from './action-log-actions.service';
import { ActionLogLoopController } from './action-log-loop.controller';
import { ActionLogLoopService } from './action-log-loop.service';
import { ActionLogPassOnService } from './action-log-pass-on.service';

/** Actions that answer You said items, and closing the loop with the young people who spoke. */
@Module({
  controllers: [ActionLogActionsController, ActionLogLoopController],
  providers: [ActionLogActionsService, ActionLogLoopService, ActionLogPassOnService],
  // The voice plan writes its commitments as We will through the one insert (insertAction).
  exports: [ActionLogActionsService],
})
export class ActionLogLoopModule {}
