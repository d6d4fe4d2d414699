import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  LeadersViewQuery,
  LeadersViewQuerySchema,
  MyPledge,
  MyPledgeVerdictCommand,
  MyPledgeVerdictRequestSchema,
  PLEDGE_OFFICERS,
  PLEDGE_READERS,
  PledgeConfirmationCommand,
  PledgeConfirmationRequestSchema,
  PledgeCreateCommand,
  PledgeCreateRequestSchema,
  PledgeGroupViewCommand,
  PledgeGroupViewRequestSchema,
  PledgeLinkRequest,
  PledgeLinkRequestSchema,
  PledgeListQuery,
  PledgeListQuerySchema,
  PledgeListResponse,
  PledgeProgressCommand,
  PledgeProgressRequestSchema,
  PledgePerson,
  PledgeResponse,
  PledgeTimelineEntry,
  PledgeUpdateCommand,
  PledgeUpdateRequestSchema,
  Role,
} from '@heard/domain';
import type { Response } from 'express';
import { Allow } from '../../platform/auth/access.decorator';
import { Actor, CurrentActor } from '../../platform/auth/auth-context';
import { DomainError } from '../../platform/errors/domain-error';
import { ZodPipe } from '../../platform/errors/zod.pipe';
import { ExportFormat, sendDownload } from '../../platform/exports/spreadsheet';
import { MyPledgesService } from './my-pledges.service';
import { PledgesExportService, pledgesExportFileName } from './pledges-export.service';
import { PledgeReadsService } from './pledge-reads.service';
import { PledgesService } from './pledges.service';

const pledgeIdPipe = new ParseUUIDPipe({ exceptionFactory: () => DomainError.notFound('This pledge') });

/**
 * Pledges (docs/pledges.md). Readers are officers (every pledge) and senior leaders (their own);
 * which of them may do what to a pledge is decided in the service (reachPledge, checkMaker).
 */
@ApiTags('pledges')
@Controller('pledges')
@Allow(...PLEDGE_READERS)
export class PledgesController {
  constructor(
    private readonly pledges: PledgesService,
    private readonly reads: PledgeReadsService,
    private readonly exports: PledgesExportService,
  ) {}

  @Get()
  list(
    @CurrentActor() actor: Actor,
    @Query(new ZodPipe(PledgeListQuerySchema)) query: PledgeListQuery,
  ): Promise<PledgeListResponse> {
    return this.reads.list(actor, query);
  }

  /**
   * The active senior leaders an officer may record a pledge for, by name (the staff directory
   * offers only those who may be picked as staff). Declared before ':id', like the downloads.
   */
  @Get('leaders')
  @Allow(...PLEDGE_OFFICERS)
  leaders(): Promise<PledgePerson[]> {
    return this.reads.leaders();
  }

  /** Declared before ':id', which would otherwise take "export.csv" for an id. */
  @Get('export.csv')
  csv(
    @CurrentActor() actor: Actor,
    @Query(new ZodPipe(LeadersViewQuerySchema)) period: LeadersViewQuery,
    @Res() res: Response,
  ): Promise<void> {
    return this.download(actor, period, 'csv', res);
  }

  @Get('export.xlsx')
  xlsx(
    @CurrentActor() actor: Actor,
    @Query(new ZodPipe(LeadersViewQuerySchema)) period: LeadersViewQuery,
    @Res() res: Response,
  ): Promise<void> {
    return this.download(actor, period, 'xlsx', res);
  }

  @Post()
  create(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(PledgeCreateRequestSchema)) body: PledgeCreateCommand,
  ): Promise<PledgeResponse> {
    return this.pledges.create(actor, body);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', pledgeIdPipe) id: string): Promise<PledgeResponse> {
    return this.reads.get(actor, id);
  }

  @Get(':id/timeline')
  timeline(
    @CurrentActor() actor: Actor,
    @Param('id', pledgeIdPipe) id: string,
  ): Promise<PledgeTimelineEntry[]> {
    return this.reads.timeline(actor, id);
  }

  @Patch(':id')
  @Allow(Role.SeniorLeader)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', pledgeIdPipe) id: string,
    @Body(new ZodPipe(PledgeUpdateRequestSchema)) body: PledgeUpdateCommand,
  ): Promise<PledgeResponse> {
    return this.pledges.update(actor, id, body);
  }

  @Post(':id/confirmation')
  @HttpCode(200)
  @Allow(Role.SeniorLeader)
  confirm(
    @CurrentActor() actor: Actor,
    @Param('id', pledgeIdPipe) id: string,
    @Body(new ZodPipe(PledgeConfirmationRequestSchema)) body: PledgeConfirmationCommand,
  ): Promise<PledgeResponse> {
    return this.pledges.confirm(actor, id, body);
  }

  @Post(':id/updates')
  @Allow(Role.SeniorLeader)
  addProgress(
    @CurrentActor() actor: Actor,
    @Param('id', pledgeIdPipe) id: string,
    @Body(new ZodPipe(PledgeProgressRequestSchema)) body: PledgeProgressCommand,
  ): Promise<PledgeResponse> {
    return this.pledges.addProgress(actor, id, body);
  }

  @Post(':id/group-views')
  @Allow(...PLEDGE_OFFICERS)
  groupView(
    @CurrentActor() actor: Actor,
    @Param('id', pledgeIdPipe) id: string,
    @Body(new ZodPipe(PledgeGroupViewRequestSchema)) body: PledgeGroupViewCommand,
  ): Promise<PledgeResponse> {
    return this.pledges.groupView(actor, id, body);
  }

  @Post(':id/links')
  link(
    @CurrentActor() actor: Actor,
    @Param('id', pledgeIdPipe) id: string,
    @Body(new ZodPipe(PledgeLinkRequestSchema)) body: PledgeLinkRequest,
  ): Promise<PledgeResponse> {
    return this.pledges.link(actor, id, body);
  }

  @Post(':id/unlink')
  @HttpCode(200)
  unlink(
    @CurrentActor() actor: Actor,
    @Param('id', pledgeIdPipe) id: string,
    @Body(new ZodPipe(PledgeLinkRequestSchema)) body: PledgeLinkRequest,
  ): Promise<PledgeResponse> {
    return this.pledges.unlink(actor, id, body);
  }

  private async download(
    actor: Actor,
    period: LeadersViewQuery,
    format: ExportFormat,
    res: Response,
  ): Promise<void> {
    await this.exports.recordDownload(actor, period, format);
    await sendDownload(res, format, pledgesExportFileName(period, format), (out) =>
      this.exports.write(actor, period, format, out),
    );
  }
}

/** Pledges on a young expert's own pages: was it kept? */
@ApiTags('young experts')
@Controller('me/pledges')
@Allow(Role.YoungExpert)
export class MyPledgesController {
  constructor(private readonly pledges: MyPledgesService) {}

  @Get()
  mine(@CurrentActor() actor: Actor): Promise<MyPledge[]> {
    return this.pledges.mine(actor);
  }

  @Put(':id/verdict')
  give(
    @CurrentActor() actor: Actor,
    @Param('id', pledgeIdPipe) id: string,
    @Body(new ZodPipe(MyPledgeVerdictRequestSchema)) body: MyPledgeVerdictCommand,
  ): Promise<MyPledge> {
    return this.pledges.give(actor, id, body);
  }
}
