import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  MyPlanComment,
  MyPlanCommentCommand,
  MyPlanCommentRequestSchema,
  MyPlanResponse,
  PLAN_EDITORS,
  PLAN_READERS,
  PlanCommentReplyCommand,
  PlanCommentReplyRequestSchema,
  PlanCommentsResponse,
  Role,
  PlanCommitmentsCommand,
  PlanCommitmentsRequestSchema,
  PlanCompareQuery,
  PlanCompareQuerySchema,
  PlanComparisonResponse,
  PlanCorrectionCommand,
  PlanCorrectionRequestSchema,
  PlanCreateCommand,
  PlanCreateRequestSchema,
  PlanFiguresResponse,
  PlanListResponse,
  PlanLundyAnswerCommand,
  PlanLundyAnswerRequestSchema,
  PlanMoveCommand,
  PlanMoveRequestSchema,
  PlanSectionCommand,
  PlanSectionKey,
  PlanSectionRequestSchema,
  PlanVersionResponse,
  RaiseWorryFromEvaluationCommand,
  RaiseWorryFromEvaluationRequestSchema,
  WorryRaisedResponse,
  lundyQuestionKeySchema,
  planSectionKeySchema,
} from '@heard/domain';
import type { Request, Response } from 'express';
import { Allow, Public } from '../../platform/auth/access.decorator';
import { Actor, CurrentActor } from '../../platform/auth/auth-context';
import { DomainError } from '../../platform/errors/domain-error';
import { ZodPipe } from '../../platform/errors/zod.pipe';
import { sendPublishedJson } from '../../platform/http/published-json';
import { PlanCommentsService } from './plan-comments.service';
import { PlanFiguresService } from './plan-figures.service';
import { PlansService } from './plans.service';
import { PublishedPlansService } from './published-plans.service';

const idPipe = (what: string) => new ParseUUIDPipe({ exceptionFactory: () => DomainError.notFound(what) });

/**
 * The annual voice plan for staff (docs/plan.md "Storage and API"). Officers and senior leaders
 * read every version; officers write; who makes which move is plan-workflow.ts's (checked in the
 * service, so a leader may approve and send back but not edit).
 */
@ApiTags('voice plan')
@Controller('plans')
@Allow(...PLAN_READERS)
export class PlansController {
  constructor(
    private readonly plans: PlansService,
    private readonly comments: PlanCommentsService,
    private readonly assembled: PlanFiguresService,
  ) {}

  @Get()
  list(): Promise<PlanListResponse> {
    return this.plans.list();
  }

  /**
   * Section C's figures and first draft, for the year before the plan (plan-figures.service.ts).
   * A malformed id is bad input (400), told apart from a well-formed id of no plan (404).
   */
  @Get(':id/figures')
  figures(
    @Param(
      'id',
      new ParseUUIDPipe({ exceptionFactory: () => DomainError.validation('id', 'Give the plan’s id.') }),
    )
    id: string,
  ): Promise<PlanFiguresResponse> {
    return this.assembled.figures(id);
  }

  @Post()
  @Allow(...PLAN_EDITORS)
  create(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(PlanCreateRequestSchema)) body: PlanCreateCommand,
  ): Promise<PlanVersionResponse> {
    return this.plans.create(actor, body);
  }

  /** Two different versions, of the same plan or not, word by word. */
  @Get('compare')
  compare(
    @Query(new ZodPipe(PlanCompareQuerySchema)) query: PlanCompareQuery,
  ): Promise<PlanComparisonResponse> {
    return this.plans.compare(query.before, query.after);
  }

  /** A correction of the year's published plan: a new version to work on. */
  @Post(':id/versions')
  @Allow(...PLAN_EDITORS)
  correct(
    @CurrentActor() actor: Actor,
    @Param('id', idPipe('This plan')) id: string,
    @Body(new ZodPipe(PlanCorrectionRequestSchema)) body: PlanCorrectionCommand,
  ): Promise<PlanVersionResponse> {
    return this.plans.correct(actor, id, body);
  }

  @Get('versions/:id')
  version(
    @CurrentActor() actor: Actor,
    @Param('id', idPipe('This version of the plan')) id: string,
  ): Promise<PlanVersionResponse> {
    return this.plans.version(actor, id);
  }

  @Put('versions/:id/sections/:key')
  @Allow(...PLAN_EDITORS)
  section(
    @CurrentActor() actor: Actor,
    @Param('id', idPipe('This version of the plan')) id: string,
    @Param('key', new ZodPipe(planSectionKeySchema)) key: PlanSectionKey,
    @Body(new ZodPipe(PlanSectionRequestSchema)) body: PlanSectionCommand,
  ): Promise<PlanVersionResponse> {
    return this.plans.editSection(actor, id, key, body);
  }

  @Put('versions/:id/lundy/:question')
  @Allow(...PLAN_EDITORS)
  lundy(
    @CurrentActor() actor: Actor,
    @Param('id', idPipe('This version of the plan')) id: string,
    @Param('question', new ZodPipe(lundyQuestionKeySchema)) question: string,
    @Body(new ZodPipe(PlanLundyAnswerRequestSchema)) body: PlanLundyAnswerCommand,
  ): Promise<PlanVersionResponse> {
    return this.plans.editLundy(actor, id, question, body);
  }

  @Put('versions/:id/commitments')
  @Allow(...PLAN_EDITORS)
  commitments(
    @CurrentActor() actor: Actor,
    @Param('id', idPipe('This version of the plan')) id: string,
    @Body(new ZodPipe(PlanCommitmentsRequestSchema)) body: PlanCommitmentsCommand,
  ): Promise<PlanVersionResponse> {
    return this.plans.editCommitments(actor, id, body);
  }

  /** A step through the workflow: who may make which is plan-workflow.ts's. */
  @Post('versions/:id/moves')
  @HttpCode(200)
  move(
    @CurrentActor() actor: Actor,
    @Param('id', idPipe('This version of the plan')) id: string,
    @Body(new ZodPipe(PlanMoveRequestSchema)) body: PlanMoveCommand,
  ): Promise<PlanVersionResponse> {
    return this.plans.move(actor, id, body);
  }

  /** Young experts' comments on the child-friendly text, each beside its section, and the replies. */
  @Get('versions/:id/comments')
  commentsOn(
    @CurrentActor() actor: Actor,
    @Param('id', idPipe('This version of the plan')) id: string,
  ): Promise<PlanCommentsResponse> {
    return this.comments.comments(actor, id);
  }

  /** What was changed because of a comment: the young expert sees it on their page. */
  @Post('versions/:id/comments/:commentId/reply')
  @HttpCode(200)
  @Allow(...PLAN_EDITORS)
  reply(
    @CurrentActor() actor: Actor,
    @Param('id', idPipe('This version of the plan')) id: string,
    @Param('commentId', idPipe('This comment')) commentId: string,
    @Body(new ZodPipe(PlanCommentReplyRequestSchema)) body: PlanCommentReplyCommand,
  ): Promise<PlanCommentsResponse> {
    return this.comments.reply(actor, id, commentId, body);
  }

  /** A worry in a comment: to the safeguarding contacts at once (DOMAIN.md, "A worry reaches the right person"). */
  @Post('versions/:id/comments/:commentId/worries')
  @Allow(...PLAN_EDITORS)
  raiseWorry(
    @CurrentActor() actor: Actor,
    @Param('id', idPipe('This version of the plan')) id: string,
    @Param('commentId', idPipe('This comment')) commentId: string,
    @Body(new ZodPipe(RaiseWorryFromEvaluationRequestSchema)) body: RaiseWorryFromEvaluationCommand,
  ): Promise<WorryRaisedResponse> {
    return this.comments.raiseWorry(actor, id, commentId, body);
  }
}

/** The plan with young people now, on a young expert's own pages: they comment, section by section. */
@ApiTags('young experts')
@Controller('me/plan')
@Allow(Role.YoungExpert)
export class MyPlanController {
  constructor(private readonly comments: PlanCommentsService) {}

  @Get()
  mine(@CurrentActor() actor: Actor): Promise<MyPlanResponse> {
    return this.comments.myPlan(actor);
  }

  @Post('comments')
  comment(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(MyPlanCommentRequestSchema)) body: MyPlanCommentCommand,
  ): Promise<MyPlanComment> {
    return this.comments.comment(actor, body);
  }
}

/** The published plans, for everyone, no sign-in: published and superseded versions only. */
@ApiTags('public voice plan')
@Controller('published-plans')
export class PublishedPlansController {
  constructor(private readonly published: PublishedPlansService) {}

  /** A `PublishedPlanListResponse`, sent as the service keeps it (sendPublishedJson). */
  @Public()
  @Get()
  async list(@Req() req: Request, @Res() res: Response): Promise<void> {
    sendPublishedJson(req, res, await this.published.list());
  }

  /**
   * Two published or superseded versions, word by word: the comparison staff see. Before
   * `:versionId`, which would otherwise take "compare" for an id. A `PublishedPlanComparisonResponse`.
   */
  @Public()
  @Get('compare')
  async compare(
    @Query(new ZodPipe(PlanCompareQuerySchema)) query: PlanCompareQuery,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    sendPublishedJson(req, res, await this.published.compare(query.before, query.after));
  }

  /** A `PublishedPlanResponse`, sent as the service keeps it. */
  @Public()
  @Get(':versionId')
  async version(
    @Param('versionId', idPipe('This published plan')) versionId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    sendPublishedJson(req, res, await this.published.version(versionId));
  }
}
