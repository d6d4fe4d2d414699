import { Module } from '@nestjs/common';
import { EvaluationResultsController } from './evaluation-results.controller';
import { EvaluationResultsService } from './evaluation-results.service';
import { EvaluationRoundsService } from './evaluation-rounds.service';
import { EvaluationsController } from './evaluations.controller';
import { EvaluationsService } from './evaluations.service';

@Module({
  controllers: [EvaluationsController, EvaluationResultsController],
  providers: [EvaluationRoundsService, EvaluationsService, EvaluationResultsService],
})
export class EvaluationsModule {}
