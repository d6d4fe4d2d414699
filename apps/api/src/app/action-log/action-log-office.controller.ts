import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  ACTION_LOG_OFFICERS,
  ActionLogFilter,
  ActionLogFilterSchema,
  ActionLogImportRequest,
  ActionLogImportRequestSchema,
  ActionLogQueueQuery,
  ActionLogQueueQuerySchema,
  ImportPreviewResponse,
  ImportResponse,
  Page,
  QueueItem,
} from '@heard/domain';
import type { Response } from 'express';
import { Allow } from '../../platform/auth/access.decorator';
import { Actor, CurrentActor } from '../../platform/auth/auth-context';
import { ZodPipe } from '../../platform/errors/zod.pipe';
import { ExportFormat, sendDownload } from '../../platform/exports/spreadsheet';
import { ActionLogExportService, exportFileName } from './action-log-export.service';
import { ActionLogImportService } from './action-log-import.service';
import { ActionLogQueueService } from './action-log-queue.service';

/** The officer's side of the action log: the queue, the downloads and the import (docs/action-log.md). */
@ApiTags('action-log')
@Controller('action-log')
@Allow(...ACTION_LOG_OFFICERS)
export class ActionLogOfficeController {
  constructor(
    private readonly queue: ActionLogQueueService,
    private readonly exports: ActionLogExportService,
    private readonly imports: ActionLogImportService,
  ) {}

  @Get('queue')
  list(
    @CurrentActor() actor: Actor,
    @Query(new ZodPipe(ActionLogQueueQuerySchema)) query: ActionLogQueueQuery,
  ): Promise<Page<QueueItem>> {
    return this.queue.list(actor, query);
  }

  @Get('export.csv')
  csv(
    @CurrentActor() actor: Actor,
    @Query(new ZodPipe(ActionLogFilterSchema)) filter: ActionLogFilter,
    @Res() res: Response,
  ): Promise<void> {
    return this.download(actor, filter, 'csv', res);
  }

  @Get('export.xlsx')
  xlsx(
    @CurrentActor() actor: Actor,
    @Query(new ZodPipe(ActionLogFilterSchema)) filter: ActionLogFilter,
    @Res() res: Response,
  ): Promise<void> {
    return this.download(actor, filter, 'xlsx', res);
  }

  @Post('import/preview')
  @HttpCode(200)
  preview(
    @Body(new ZodPipe(ActionLogImportRequestSchema)) body: ActionLogImportRequest,
  ): Promise<ImportPreviewResponse> {
    return this.imports.preview(body.csv);
  }

  @Post('import')
  import(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(ActionLogImportRequestSchema)) body: ActionLogImportRequest,
  ): Promise<ImportResponse> {
    return this.imports.import(actor, body.csv);
  }

  /** Recorded before the first byte goes: a download cut short was still a download. */
  private async download(
    actor: Actor,
    filter: ActionLogFilter,
    format: ExportFormat,
    res: Response,
  ): Promise<void> {
    await this.exports.recordDownload(actor, filter, format);
    await sendDownload(res, format, exportFileName(filter, format, this.exports.today()), (out) =>
      this.exports.write(actor, filter, format, out),
    );
  }
}
