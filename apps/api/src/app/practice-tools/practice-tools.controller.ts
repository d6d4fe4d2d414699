import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  Page,
  PracticeToolCommand,
  PracticeToolListQuery,
  PracticeToolListQuerySchema,
  PracticeToolRequestSchema,
  PracticeToolResponse,
  PracticeToolStageMoveCommand,
  PracticeToolStageMoveRequestSchema,
  PracticeToolSummary,
  PracticeToolVersionCommand,
  PracticeToolVersionRequestSchema,
  PRACTICE_TOOL_EDITORS,
  PRACTICE_TOOL_READERS,
} from '@heard/domain';
import { Allow } from '../../platform/auth/access.decorator';
import { Actor, CurrentActor } from '../../platform/auth/auth-context';
import { DomainError } from '../../platform/errors/domain-error';
import { ZodPipe } from '../../platform/errors/zod.pipe';
import { PracticeToolsService } from './practice-tools.service';

const toolIdPipe = new ParseUUIDPipe({ exceptionFactory: () => DomainError.notFound('This practice tool') });

/** Officers keep the catalogue; senior leaders read it to see what is in use and where it stands. */
@ApiTags('practice-tools')
@Controller('practice-tools')
export class PracticeToolsController {
  constructor(private readonly tools: PracticeToolsService) {}

  @Get()
  @Allow(...PRACTICE_TOOL_READERS)
  list(
    @Query(new ZodPipe(PracticeToolListQuerySchema)) query: PracticeToolListQuery,
  ): Promise<Page<PracticeToolSummary>> {
    return this.tools.list(query);
  }

  @Post()
  @Allow(...PRACTICE_TOOL_EDITORS)
  create(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(PracticeToolRequestSchema)) body: PracticeToolCommand,
  ): Promise<PracticeToolResponse> {
    return this.tools.create(actor, body);
  }

  @Get(':id')
  @Allow(...PRACTICE_TOOL_READERS)
  get(@Param('id', toolIdPipe) id: string): Promise<PracticeToolResponse> {
    return this.tools.get(id);
  }

  @Put(':id')
  @Allow(...PRACTICE_TOOL_EDITORS)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', toolIdPipe) id: string,
    @Body(new ZodPipe(PracticeToolRequestSchema)) body: PracticeToolCommand,
  ): Promise<PracticeToolResponse> {
    return this.tools.update(actor, id, body);
  }

  @Post(':id/versions')
  @Allow(...PRACTICE_TOOL_EDITORS)
  addVersion(
    @CurrentActor() actor: Actor,
    @Param('id', toolIdPipe) id: string,
    @Body(new ZodPipe(PracticeToolVersionRequestSchema)) body: PracticeToolVersionCommand,
  ): Promise<PracticeToolResponse> {
    return this.tools.addVersion(actor, id, body);
  }

  @Post(':id/stage')
  @HttpCode(200)
  @Allow(...PRACTICE_TOOL_EDITORS)
  moveStage(
    @CurrentActor() actor: Actor,
    @Param('id', toolIdPipe) id: string,
    @Body(new ZodPipe(PracticeToolStageMoveRequestSchema)) body: PracticeToolStageMoveCommand,
  ): Promise<PracticeToolResponse> {
    return this.tools.moveStage(actor, id, body);
  }
}
