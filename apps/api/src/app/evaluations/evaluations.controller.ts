import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  EVALUATION_ENTERERS,
  EVALUATION_ROUND_EDITORS,
  EvaluationEntryCommand,
  EvaluationEntryRequestSchema,
  EvaluationLinkView,
  EvaluationWithPrompts,
  EvaluationRoundCommand,
  EvaluationRoundCreated,
  EvaluationRoundListQuery,
  EvaluationRoundListQuerySchema,
  EvaluationRoundRequestSchema,
  EvaluationRoundResponse,
  EvaluationRoundSummary,
  LinkEvaluationCommand,
  LinkEvaluationReceived,
  LinkEvaluationRequestSchema,
  LinkWorryCommand,
  LinkWorryReceived,
  LinkWorryRequestSchema,
  evaluationWordsToCheck,
} from '@heard/domain';
import type { Request } from 'express';
import { z } from 'zod';
import { Allow, Public } from '../../platform/auth/access.decorator';
import { Actor, CurrentActor } from '../../platform/auth/auth-context';
import { DomainError } from '../../platform/errors/domain-error';
import { ZodPipe } from '../../platform/errors/zod.pipe';
import { OfflineChange, OfflineChangeContext, actingAt } from '../../platform/offline/offline-change';
import { EvaluationLinkWorriesService } from './evaluation-link-worries.service';
import { EvaluationRoundsService } from './evaluation-rounds.service';
import { EvaluationsService } from './evaluations.service';
import { IdempotencyKey } from './idempotency-key.decorator';

const roundIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => DomainError.notFound('This evaluation round'),
});
/** A close carries no body; anything sent is refused rather than ignored. */
const EmptyBodySchema = z.object({}).strict();

/**
 * Rounds are set up by officers; officers and practitioners read them to enter evaluations (a
 * practitioner sees only the young people linked to them).
 */
@ApiTags('evaluations')
@Controller()
export class EvaluationsController {
  constructor(
    private readonly rounds: EvaluationRoundsService,
    private readonly evaluations: EvaluationsService,
    private readonly linkWorries: EvaluationLinkWorriesService,
  ) {}

  @Post('evaluation-rounds')
  @Allow(...EVALUATION_ROUND_EDITORS)
  create(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(EvaluationRoundRequestSchema)) body: EvaluationRoundCommand,
  ): Promise<EvaluationRoundCreated> {
    return this.rounds.create(actor, body);
  }

  @Get('evaluation-rounds')
  @Allow(...EVALUATION_ENTERERS)
  list(
    @Query(new ZodPipe(EvaluationRoundListQuerySchema)) query: EvaluationRoundListQuery,
  ): Promise<EvaluationRoundSummary[]> {
    return this.rounds.list(query);
  }

  @Get('evaluation-rounds/:id')
  @Allow(...EVALUATION_ENTERERS)
  get(@CurrentActor() actor: Actor, @Param('id', roundIdPipe) id: string): Promise<EvaluationRoundResponse> {
    return this.rounds.get(actor, id);
  }

  @Post('evaluation-rounds/:id/close')
  @HttpCode(200)
  @Allow(...EVALUATION_ROUND_EDITORS)
  close(
    @CurrentActor() actor: Actor,
    @Param('id', roundIdPipe) id: string,
    @Body(new ZodPipe(EmptyBodySchema)) _body: unknown,
  ): Promise<EvaluationRoundResponse> {
    return this.rounds.close(actor, id);
  }

  /**
   * 201 with what was stored; the same key again gets that same answer (platform/idempotency). The
   * answer names the listed words found, so the officer is prompted to read it again (never a decision).
   */
  @Post('evaluation-rounds/:id/evaluations')
  @Allow(...EVALUATION_ENTERERS)
  async enter(
    @CurrentActor() actor: Actor,
    @Param('id', roundIdPipe) id: string,
    @IdempotencyKey() key: string,
    @Body(new ZodPipe(EvaluationEntryRequestSchema)) body: EvaluationEntryCommand,
    @OfflineChange() offline: OfflineChangeContext | null,
  ): Promise<EvaluationWithPrompts> {
    const stored = await this.evaluations.enter(actingAt(actor, offline), id, key, body, offline);
    return { ...stored, wordsToCheck: evaluationWordsToCheck(stored.answers) };
  }

  /** A round's own page for anyone with its link: the link is the only key, so it is public. */
  @Public()
  @Get('evaluation-links/:token')
  view(@Param('token') token: string): Promise<EvaluationLinkView> {
    return this.evaluations.viewByLink(token);
  }

  @Public()
  @Post('evaluation-links/:token/evaluations')
  async answerByLink(
    @Param('token') token: string,
    @IdempotencyKey() key: string,
    @Body(new ZodPipe(LinkEvaluationRequestSchema)) body: LinkEvaluationCommand,
  ): Promise<LinkEvaluationReceived> {
    await this.evaluations.answerByLink(token, key, body);
    return { received: true };
  }

  /** "I'm worried about something" from the link page: it reaches the safeguarding contacts at once. */
  @Public()
  @Post('evaluation-links/:token/worries')
  worryByLink(
    @Param('token') token: string,
    @Body(new ZodPipe(LinkWorryRequestSchema)) body: LinkWorryCommand,
    @Req() req: Request,
  ): Promise<LinkWorryReceived> {
    return this.linkWorries.raise(token, body, req.ip ?? 'unknown');
  }
}
