import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
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
  ACTION_LOG_OFFICERS,
  BoardItem,
  BoardQuery,
  BoardQuerySchema,
  ItemPublicationResponse,
  ItemRatingsResponse,
  MyResponse,
  PublicationCommand,
  PublicationRequestSchema,
  ReadingLevelRequest,
  ReadingLevelRequestSchema,
  ReadingLevelResponse,
  ResponseRatingCommand,
  ResponseRatingRequestSchema,
  Role,
} from '@heard/domain';
import type { Request, Response } from 'express';
import { Allow, Public } from '../../platform/auth/access.decorator';
import { Actor, CurrentActor } from '../../platform/auth/auth-context';
import { DomainError } from '../../platform/errors/domain-error';
import { ZodPipe } from '../../platform/errors/zod.pipe';
import { sendPublishedJson } from '../../platform/http/published-json';
import { revalidated } from '../../platform/http/revalidate';
import { BoardPublicationService } from './board-publication.service';
import { PublicBoardService } from './public-board.service';
import { readingLevelView } from './reading-level-view';
import { ResponseReviewService } from './response-review.service';

const idPipe = (what: string) => new ParseUUIDPipe({ exceptionFactory: () => DomainError.notFound(what) });

/** Officers publish pairs and measure young people's words; staff read the young experts' ratings. */
@ApiTags('action log: board and review')
@Controller('action-log')
export class ActionLogBoardController {
  constructor(
    private readonly publication: BoardPublicationService,
    private readonly review: ResponseReviewService,
  ) {}

  /** The officer's live measure of the child-friendly words as they type them. */
  @Post('reading-level')
  @HttpCode(200)
  @Allow(Role.ParticipationOfficer, Role.Practitioner)
  readingLevel(
    @Body(new ZodPipe(ReadingLevelRequestSchema)) body: ReadingLevelRequest,
  ): Promise<ReadingLevelResponse> {
    return readingLevelView(body.text);
  }

  @Get('items/:id/publication')
  @Allow(...ACTION_LOG_OFFICERS)
  itemPublication(
    @CurrentActor() actor: Actor,
    @Param('id', idPipe('This You said item')) id: string,
  ): Promise<ItemPublicationResponse> {
    return this.publication.view(actor, id);
  }

  @Put('answers/:actionId/:itemId/publication')
  @Allow(...ACTION_LOG_OFFICERS)
  publish(
    @CurrentActor() actor: Actor,
    @Param('actionId', idPipe('This action')) actionId: string,
    @Param('itemId', idPipe('This You said item')) itemId: string,
    @Body(new ZodPipe(PublicationRequestSchema)) body: PublicationCommand,
  ): Promise<ItemPublicationResponse> {
    return this.publication.publish(actor, actionId, itemId, body);
  }

  @Delete('answers/:actionId/:itemId/publication')
  @Allow(...ACTION_LOG_OFFICERS)
  unpublish(
    @CurrentActor() actor: Actor,
    @Param('actionId', idPipe('This action')) actionId: string,
    @Param('itemId', idPipe('This You said item')) itemId: string,
  ): Promise<ItemPublicationResponse> {
    return this.publication.unpublish(actor, actionId, itemId);
  }

  /** Each rating beside its comment and the item: never an average alone. */
  @Get('items/:id/ratings')
  @Allow(Role.ParticipationOfficer, Role.SeniorLeader)
  ratings(
    @CurrentActor() actor: Actor,
    @Param('id', idPipe('This You said item')) id: string,
  ): Promise<ItemRatingsResponse> {
    return this.review.ratingsOf(actor, id);
  }
}

/** A young expert's review of the answers to their groups, on their own pages. */
@ApiTags('young experts')
@Controller('me/responses')
@Allow(Role.YoungExpert)
export class MyResponsesController {
  constructor(private readonly review: ResponseReviewService) {}

  @Get()
  mine(@CurrentActor() actor: Actor): Promise<MyResponse[]> {
    return this.review.mine(actor);
  }

  @Put(':itemId/rating')
  rate(
    @CurrentActor() actor: Actor,
    @Param('itemId', idPipe('This item')) itemId: string,
    @Body(new ZodPipe(ResponseRatingRequestSchema)) body: ResponseRatingCommand,
  ): Promise<MyResponse> {
    return this.review.rate(actor, itemId, body);
  }
}

/**
 * The public board: no sign-in, published material only, a page at a time. Browsers and proxies may
 * keep a page and ask again with its tag; a 304 costs one small query (the board revision).
 */
@ApiTags('public board')
@Controller('board')
export class PublicBoardController {
  constructor(private readonly board: PublicBoardService) {}

  /** A `BoardResponse`, sent as the service keeps the page (sendPublishedJson). */
  @Public()
  @Get()
  async list(
    @Query(new ZodPipe(BoardQuerySchema)) query: BoardQuery,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    sendPublishedJson(req, res, await this.board.page(query));
  }

  @Public()
  @Get('items/:itemId')
  async item(
    @Param('itemId', idPipe('This item on the board')) itemId: string,
    @Headers('if-none-match') seen: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<BoardItem | undefined> {
    const { tag, item } = await this.board.item(itemId);
    return revalidated(res, tag, seen) ? undefined : item;
  }
}
