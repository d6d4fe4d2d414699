import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  EVALUATION_ROUND_EDITORS,
  EvaluationEditCommand,
  EvaluationEditRequestSchema,
  EvaluationListItem,
  EvaluationWithPrompts,
  HowOftenAskedQuery,
  HowOftenAskedQuerySchema,
  HowOftenAskedResponse,
  QuotePublishCommand,
  QuotePublishRequestSchema,
  QuoteView,
  RaiseWorryFromEvaluationCommand,
  RaiseWorryFromEvaluationRequestSchema,
  WorryRaisedResponse,
  YouSaidCommand,
  YouSaidItemResponse,
  YouSaidRequestSchema,
} from '@heard/domain';
import { z } from 'zod';
import { Allow } from '../../platform/auth/access.decorator';
import { Actor, CurrentActor } from '../../platform/auth/auth-context';
import { DomainError } from '../../platform/errors/domain-error';
import { ZodPipe } from '../../platform/errors/zod.pipe';
import { EvaluationFollowupsService } from './evaluation-followups.service';
import { HowOftenAskedService } from './how-often-asked.service';
import { QuotesService } from './quotes.service';
import { YouSaidService } from './you-said.service';

const roundIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => DomainError.notFound('This evaluation round'),
});
const evaluationIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => DomainError.notFound('This evaluation'),
});
/** Choosing and unchoosing carry no body; anything sent is refused rather than ignored. */
const EmptyBodySchema = z.object({}).strict();

/** What officers do with evaluations once they are in (docs/evaluations.md). */
@ApiTags('evaluations')
@Controller()
@Allow(...EVALUATION_ROUND_EDITORS)
export class EvaluationFollowupsController {
  constructor(
    private readonly followups: EvaluationFollowupsService,
    private readonly quotes: QuotesService,
    private readonly youSaid: YouSaidService,
    private readonly howOftenAsked: HowOftenAskedService,
  ) {}

  /**
   * Under evaluations/, not young-people/: young-people/:id is registered first and would take
   * the path as an id.
   */
  @Get('evaluations/how-often-asked')
  asked(
    @CurrentActor() actor: Actor,
    @Query(new ZodPipe(HowOftenAskedQuerySchema)) query: HowOftenAskedQuery,
  ): Promise<HowOftenAskedResponse[]> {
    return this.howOftenAsked.for(actor, query.ids);
  }

  @Get('evaluation-rounds/:id/evaluations')
  list(@CurrentActor() actor: Actor, @Param('id', roundIdPipe) id: string): Promise<EvaluationListItem[]> {
    return this.followups.list(actor, id);
  }

  @Patch('evaluations/:id')
  edit(
    @CurrentActor() actor: Actor,
    @Param('id', evaluationIdPipe) id: string,
    @Body(new ZodPipe(EvaluationEditRequestSchema)) body: EvaluationEditCommand,
  ): Promise<EvaluationWithPrompts> {
    return this.followups.edit(actor, id, body);
  }

  @Post('evaluations/:id/worries')
  raiseWorry(
    @CurrentActor() actor: Actor,
    @Param('id', evaluationIdPipe) id: string,
    @Body(new ZodPipe(RaiseWorryFromEvaluationRequestSchema)) body: RaiseWorryFromEvaluationCommand,
  ): Promise<WorryRaisedResponse> {
    return this.followups.raiseWorry(actor, id, body);
  }

  @Post('evaluations/:id/quote/choose')
  @HttpCode(200)
  choose(
    @CurrentActor() actor: Actor,
    @Param('id', evaluationIdPipe) id: string,
    @Body(new ZodPipe(EmptyBodySchema)) _body: unknown,
  ): Promise<QuoteView> {
    return this.quotes.choose(actor, id);
  }

  @Post('evaluations/:id/quote/unchoose')
  @HttpCode(200)
  unchoose(
    @CurrentActor() actor: Actor,
    @Param('id', evaluationIdPipe) id: string,
    @Body(new ZodPipe(EmptyBodySchema)) _body: unknown,
  ): Promise<QuoteView> {
    return this.quotes.unchoose(actor, id);
  }

  @Post('evaluations/:id/quote/publish')
  @HttpCode(200)
  publish(
    @CurrentActor() actor: Actor,
    @Param('id', evaluationIdPipe) id: string,
    @Body(new ZodPipe(QuotePublishRequestSchema)) body: QuotePublishCommand,
  ): Promise<QuoteView> {
    return this.quotes.publish(actor, id, body);
  }

  @Post('evaluations/:id/you-said')
  makeYouSaid(
    @CurrentActor() actor: Actor,
    @Param('id', evaluationIdPipe) id: string,
    @Body(new ZodPipe(YouSaidRequestSchema)) body: YouSaidCommand,
  ): Promise<YouSaidItemResponse> {
    return this.youSaid.fromEvaluation(actor, id, body);
  }

  @Get('you-said')
  listYouSaid(@CurrentActor() actor: Actor): Promise<YouSaidItemResponse[]> {
    return this.youSaid.list(actor);
  }
}
