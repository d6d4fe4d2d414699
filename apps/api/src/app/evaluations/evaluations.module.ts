import { Module } from '@nestjs/common';
import { EvaluationRoundsService } from './evaluation-rounds.service';
import { EvaluationsController } from './evaluations.controller';
import { EvaluationsService } from './evaluations.service';

@Module({
  controllers: [EvaluationsController],
  providers: [EvaluationRoundsService, EvaluationsService],
  exports: [EvaluationsService],
})
export class EvaluationsModule {}
