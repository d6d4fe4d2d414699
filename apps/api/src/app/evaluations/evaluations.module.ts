import { Module } from '@nestjs/common';
import { ConsentModule } from '../consent/consent.module';
import { WorriesModule } from '../worries/worries.module';
import { EvaluationFollowupsController } from './evaluation-followups.controller';
import { EvaluationFollowupsService } from './evaluation-followups.service';
import { EvaluationLinkWorriesService } from './evaluation-link-worries.service';
import { EvaluationResultsController } from './evaluation-results.controller';
import { EvaluationResultsService } from './evaluation-results.service';
import { EvaluationRoundsService } from './evaluation-rounds.service';
import { EvaluationsController } from './evaluations.controller';
import { EvaluationsService } from './evaluations.service';
import { HowOftenAskedService } from './how-often-asked.service';
import { QuotesService } from './quotes.service';
import { YouSaidService } from './you-said.service';

@Module({
  imports: [ConsentModule, WorriesModule],
  controllers: [EvaluationsController, EvaluationFollowupsController, EvaluationResultsController],
  providers: [
    EvaluationRoundsService,
    EvaluationsService,
    EvaluationLinkWorriesService,
    EvaluationFollowupsService,
    QuotesService,
    YouSaidService,
    HowOftenAskedService,
    EvaluationResultsService,
  ],
  exports: [EvaluationsService, QuotesService],
})
export class EvaluationsModule {}
