import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  ACTION_LOG_READERS,
  ACTION_LOG_RECORDERS,
  AcknowledgeItemRequestSchema,
  CreateItemCommand,
  CreateItemRequestSchema,
  ItemDetail,
  ItemListQuery,
  ItemListQuerySchema,
  ItemPage,
  ItemSummary,
  QuoteCommand,
  QuoteRequestSchema,
  SessionYouSaidCommand,
  SessionYouSaidRequestSchema,
  UpdateItemCommand,
  UpdateItemRequestSchema,
} from '@heard/domain';
import { Allow } from '../../platform/auth/access.decorator';
import { Actor, CurrentActor } from '../../platform/auth/auth-context';
import { DomainError } from '../../platform/errors/domain-error';
import { ZodPipe } from '../../platform/errors/zod.pipe';
import { ActionLogItemsService } from './action-log-items.service';
import { SessionYouSaidService } from './action-log-items.session.service';

const itemIdPipe = new ParseUUIDPipe({ exceptionFactory: () => DomainError.notFound('This You said item') });
const sessionIdPipe = new ParseUUIDPipe({ exceptionFactory: () => DomainError.notFound('This session') });

/** You said items in the action log (docs/action-log.md, "Items"). */
@ApiTags('action-log')
@Controller()
export class ActionLogItemsController {
  constructor(
    private readonly items: ActionLogItemsService,
    private readonly sessions: SessionYouSaidService,
  ) {}

  @Get('action-log/items')
  @Allow(...ACTION_LOG_READERS)
  list(
    @CurrentActor() actor: Actor,
    @Query(new ZodPipe(ItemListQuerySchema)) query: ItemListQuery,
  ): Promise<ItemPage> {
    return this.items.list(actor, query);
  }

  @Post('action-log/items')
  @Allow(...ACTION_LOG_RECORDERS)
  create(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(CreateItemRequestSchema)) body: CreateItemCommand,
  ): Promise<ItemDetail> {
    return this.items.create(actor, body);
  }

  @Get('action-log/items/:id')
  @Allow(...ACTION_LOG_READERS)
  get(@CurrentActor() actor: Actor, @Param('id', itemIdPipe) id: string): Promise<ItemDetail> {
    return this.items.get(actor, id);
  }

  @Patch('action-log/items/:id')
  @Allow(...ACTION_LOG_RECORDERS)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', itemIdPipe) id: string,
    @Body(new ZodPipe(UpdateItemRequestSchema)) body: UpdateItemCommand,
  ): Promise<ItemDetail> {
    return this.items.update(actor, id, body);
  }

  @Post('action-log/items/:id/acknowledge')
  @HttpCode(200)
  @Allow(...ACTION_LOG_RECORDERS)
  acknowledge(
    @CurrentActor() actor: Actor,
    @Param('id', itemIdPipe) id: string,
    @Body(new ZodPipe(AcknowledgeItemRequestSchema)) _body: unknown,
  ): Promise<ItemDetail> {
    return this.items.acknowledge(actor, id);
  }

  @Post('action-log/items/:id/quotes')
  @Allow(...ACTION_LOG_RECORDERS)
  addQuote(
    @CurrentActor() actor: Actor,
    @Param('id', itemIdPipe) id: string,
    @Body(new ZodPipe(QuoteRequestSchema)) body: QuoteCommand,
  ): Promise<ItemDetail> {
    return this.items.addQuote(actor, id, body);
  }

  @Get('groups/sessions/:id/you-said')
  @Allow(...ACTION_LOG_READERS)
  sessionItems(@CurrentActor() actor: Actor, @Param('id', sessionIdPipe) id: string): Promise<ItemSummary[]> {
    return this.sessions.list(actor, id);
  }

  @Post('groups/sessions/:id/you-said')
  @Allow(...ACTION_LOG_RECORDERS)
  recordAtSession(
    @CurrentActor() actor: Actor,
    @Param('id', sessionIdPipe) id: string,
    @Body(new ZodPipe(SessionYouSaidRequestSchema)) body: SessionYouSaidCommand,
  ): Promise<ItemSummary[]> {
    return this.sessions.record(actor, id, body);
  }
}
