import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  ACTION_LOG_OFFICERS,
  ACTION_LOG_READERS,
  ActionCreateCommand,
  ActionCreateRequestSchema,
  ActionLinkItemRequestSchema,
  ActionResponse,
  ActionUpdateCommand,
  ActionUpdateRequestSchema,
  ProgressNoteCommand,
  ProgressNoteRequestSchema,
} from '@heard/domain';
import { z } from 'zod';
import { Allow } from '../../platform/auth/access.decorator';
import { Actor, CurrentActor } from '../../platform/auth/auth-context';
import { DomainError } from '../../platform/errors/domain-error';
import { ZodPipe } from '../../platform/errors/zod.pipe';
import { ActionLogActionsService } from './action-log-actions.service';

export const actionIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => DomainError.notFound('This action'),
});
export const itemIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => DomainError.notFound('This You said item'),
});

/** Actions that answer You said items (docs/action-log.md "Actions"). */
@ApiTags('action-log')
@Controller('action-log')
@Allow(...ACTION_LOG_OFFICERS)
export class ActionLogActionsController {
  constructor(private readonly actions: ActionLogActionsService) {}

  @Get('items/:id/actions')
  @Allow(...ACTION_LOG_READERS)
  forItem(@CurrentActor() actor: Actor, @Param('id', itemIdPipe) id: string): Promise<ActionResponse[]> {
    return this.actions.forItem(actor, id);
  }

  @Get('actions/:id')
  @Allow(...ACTION_LOG_READERS)
  get(@CurrentActor() actor: Actor, @Param('id', actionIdPipe) id: string): Promise<ActionResponse> {
    return this.actions.get(actor, id);
  }

  @Post('actions')
  create(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(ActionCreateRequestSchema)) body: ActionCreateCommand,
  ): Promise<ActionResponse> {
    return this.actions.create(actor, body);
  }

  @Patch('actions/:id')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', actionIdPipe) id: string,
    @Body(new ZodPipe(ActionUpdateRequestSchema)) body: ActionUpdateCommand,
  ): Promise<ActionResponse> {
    return this.actions.update(actor, id, body);
  }

  @Post('actions/:id/notes')
  addNote(
    @CurrentActor() actor: Actor,
    @Param('id', actionIdPipe) id: string,
    @Body(new ZodPipe(ProgressNoteRequestSchema)) body: ProgressNoteCommand,
  ): Promise<ActionResponse> {
    return this.actions.addNote(actor, id, body);
  }

  @Post('actions/:id/items')
  linkItem(
    @CurrentActor() actor: Actor,
    @Param('id', actionIdPipe) id: string,
    @Body(new ZodPipe(ActionLinkItemRequestSchema)) body: z.output<typeof ActionLinkItemRequestSchema>,
  ): Promise<ActionResponse> {
    return this.actions.linkItem(actor, id, body.itemId);
  }
}
