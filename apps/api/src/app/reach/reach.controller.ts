import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { LeadersViewQuery, LeadersViewQuerySchema, REACH_READERS, Reach } from '@heard/domain';
import type { Response } from 'express';
import { Allow } from '../../platform/auth/access.decorator';
import { Actor, CurrentActor } from '../../platform/auth/auth-context';
import { ZodPipe } from '../../platform/errors/zod.pipe';
import { ExportFormat, sendDownload } from '../../platform/exports/spreadsheet';
import { ReachService, reachExportFileName } from './reach.service';

/** Who takes part compared with who could, for a period (docs/reach.md). Aggregates only. */
@ApiTags('reach')
@Controller('reach')
@Allow(...REACH_READERS)
export class ReachController {
  constructor(private readonly reach: ReachService) {}

  @Get()
  table(@Query(new ZodPipe(LeadersViewQuerySchema)) period: LeadersViewQuery): Promise<Reach> {
    return this.reach.reach(period);
  }

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

  /** Counted before anything is sent, so a failure is a problem answer rather than a cut-short file. */
  private async download(
    actor: Actor,
    period: LeadersViewQuery,
    format: ExportFormat,
    res: Response,
  ): Promise<void> {
    const reach = await this.reach.reach(period);
    await this.reach.recordDownload(actor, period, format);
    await sendDownload(res, format, reachExportFileName(period, format), (out) =>
      this.reach.write(reach, format, out),
    );
  }
}
