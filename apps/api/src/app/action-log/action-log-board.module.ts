import { Module } from '@nestjs/common';
import { ConsentModule } from '../consent/consent.module';
import {
  ActionLogBoardController,
  MyResponsesController,
  PublicBoardController,
} from './action-log-board.controller';
import { BoardPublicationService } from './board-publication.service';
import { PublicBoardService } from './public-board.service';
import { ResponseReviewService } from './response-review.service';

/** The Young Experts' review and the public board (docs/action-log.md). */
@Module({
  imports: [ConsentModule],
  controllers: [ActionLogBoardController, MyResponsesController, PublicBoardController],
  providers: [BoardPublicationService, PublicBoardService, ResponseReviewService],
})
export class ActionLogBoardModule {}
