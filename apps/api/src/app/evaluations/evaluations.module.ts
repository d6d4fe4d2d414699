import { Module } from '@nestjs/common';
import { WorriesModule } from '../worries/worries.module';
import { EvaluationLinkWorriesService } from './evaluation-link-worries.service';
import { EvaluationRoundsService } from './evaluation-rounds.service';
import { EvaluationsController } from './evaluations.controller';
import { EvaluationsService } from './evaluations.service';

@Module({
  imports: [WorriesModule],
  controllers: [EvaluationsController],
  providers: [EvaluationRoundsService, EvaluationsService, EvaluationLinkWorriesService],
})
export class EvaluationsModule {}
