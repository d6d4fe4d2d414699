import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  ACTION_LOG_KEEPERS,
  ACTION_LOG_READERS,
  ActionLogListEntry,
  ActionLogSettingsCommand,
  ActionLogSettingsRequestSchema,
  ActionLogSettingsResponse,
  ListEntryChangeCommand,
  ListEntryChangeRequestSchema,
  ListEntryCommand,
  ListEntryRequestSchema,
} from '@heard/domain';
import { Allow } from '../../platform/auth/access.decorator';
import { Actor, CurrentActor } from '../../platform/auth/auth-context';
import { DomainError } from '../../platform/errors/domain-error';
import { ZodPipe } from '../../platform/errors/zod.pipe';
import { ActionLogListsService } from './action-log-items.lists.service';

const serviceIdPipe = new ParseUUIDPipe({ exceptionFactory: () => DomainError.notFound('This service') });
const themeIdPipe = new ParseUUIDPipe({ exceptionFactory: () => DomainError.notFound('This theme') });

/**
 * The log's lists and settings: administrators keep them; everyone who records or reads items
 * reads them, to fill in and filter the log.
 */
@ApiTags('action-log')
@Controller('action-log')
export class ActionLogListsController {
  constructor(private readonly lists: ActionLogListsService) {}

  @Get('services')
  @Allow(...ACTION_LOG_READERS, ...ACTION_LOG_KEEPERS)
  services(): Promise<ActionLogListEntry[]> {
    return this.lists.list('services');
  }

  @Post('services')
  @Allow(...ACTION_LOG_KEEPERS)
  addService(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(ListEntryRequestSchema)) body: ListEntryCommand,
  ): Promise<ActionLogListEntry> {
    return this.lists.add(actor, 'services', body);
  }

  @Patch('services/:id')
  @Allow(...ACTION_LOG_KEEPERS)
  changeService(
    @CurrentActor() actor: Actor,
    @Param('id', serviceIdPipe) id: string,
    @Body(new ZodPipe(ListEntryChangeRequestSchema)) body: ListEntryChangeCommand,
  ): Promise<ActionLogListEntry> {
    return this.lists.change(actor, 'services', id, body);
  }

  @Get('themes')
  @Allow(...ACTION_LOG_READERS, ...ACTION_LOG_KEEPERS)
  themes(): Promise<ActionLogListEntry[]> {
    return this.lists.list('themes');
  }

  @Post('themes')
  @Allow(...ACTION_LOG_KEEPERS)
  addTheme(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(ListEntryRequestSchema)) body: ListEntryCommand,
  ): Promise<ActionLogListEntry> {
    return this.lists.add(actor, 'themes', body);
  }

  @Patch('themes/:id')
  @Allow(...ACTION_LOG_KEEPERS)
  changeTheme(
    @CurrentActor() actor: Actor,
    @Param('id', themeIdPipe) id: string,
    @Body(new ZodPipe(ListEntryChangeRequestSchema)) body: ListEntryChangeCommand,
  ): Promise<ActionLogListEntry> {
    return this.lists.change(actor, 'themes', id, body);
  }

  @Get('settings')
  @Allow(...ACTION_LOG_READERS, ...ACTION_LOG_KEEPERS)
  settings(): Promise<ActionLogSettingsResponse> {
    return this.lists.settings();
  }

  @Put('settings')
  @Allow(...ACTION_LOG_KEEPERS)
  setSettings(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(ActionLogSettingsRequestSchema)) body: ActionLogSettingsCommand,
  ): Promise<ActionLogSettingsResponse> {
    return this.lists.setSettings(actor, body);
  }
}
