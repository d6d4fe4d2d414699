import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  REPORT_EDITORS,
  REPORT_READERS,
  ReportCreateCommand,
  ReportCreateRequestSchema,
  ReportExportCommand,
  ReportExportRequestSchema,
  ReportExportStatusResponse,
  ReportFormat,
  ReportListResponse,
  ReportResponse,
  ReportSectionCommand,
  ReportSectionKey,
  ReportSectionRequestSchema,
  reportFormatSchema,
  reportSectionKeySchema,
} from '@heard/domain';
import type { Response } from 'express';
import { Allow } from '../../platform/auth/access.decorator';
import { Actor, CurrentActor } from '../../platform/auth/auth-context';
import { DomainError } from '../../platform/errors/domain-error';
import { ZodPipe } from '../../platform/errors/zod.pipe';
import { ReportsService } from './reports.service';

const idPipe = () => new ParseUUIDPipe({ exceptionFactory: () => DomainError.notFound('This report') });

const CONTENT_TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/**
 * The reports (issue 14 §6, docs/reports.md): officers draft and edit them and ask for their PDF
 * and DOCX; officers and senior leaders read them and download what was made.
 */
@ApiTags('reports')
@Controller('reports')
@Allow(...REPORT_READERS)
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Post()
  @Allow(...REPORT_EDITORS)
  create(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(ReportCreateRequestSchema)) body: ReportCreateCommand,
  ): Promise<ReportResponse> {
    return this.reports.create(actor, body);
  }

  @Get()
  list(): Promise<ReportListResponse> {
    return this.reports.list();
  }

  @Get(':id')
  report(@Param('id', idPipe()) id: string): Promise<ReportResponse> {
    return this.reports.report(id);
  }

  @Put(':id/sections/:key')
  @Allow(...REPORT_EDITORS)
  section(
    @CurrentActor() actor: Actor,
    @Param('id', idPipe()) id: string,
    @Param('key', new ZodPipe(reportSectionKeySchema)) key: ReportSectionKey,
    @Body(new ZodPipe(ReportSectionRequestSchema)) body: ReportSectionCommand,
  ): Promise<ReportResponse> {
    return this.reports.editSection(actor, id, key, body);
  }

  /** Queues the document; it is made off the request path, so the answer is 202 with where it is. */
  @Post(':id/exports')
  @HttpCode(202)
  @Allow(...REPORT_EDITORS)
  export(
    @CurrentActor() actor: Actor,
    @Param('id', idPipe()) id: string,
    @Body(new ZodPipe(ReportExportRequestSchema)) body: ReportExportCommand,
  ): Promise<ReportExportStatusResponse> {
    return this.reports.requestExport(actor, id, body.format);
  }

  @Get(':id/exports/:format')
  exportStatus(
    @Param('id', idPipe()) id: string,
    @Param('format', new ZodPipe(reportFormatSchema)) format: ReportFormat,
  ): Promise<ReportExportStatusResponse> {
    return this.reports.exportStatus(id, format);
  }

  @Get(':id/exports/:format/file')
  async file(
    @CurrentActor() actor: Actor,
    @Param('id', idPipe()) id: string,
    @Param('format', new ZodPipe(reportFormatSchema)) format: ReportFormat,
    @Res() res: Response,
  ): Promise<void> {
    const { bytes, filename } = await this.reports.file(actor, id, format);
    res
      .status(200)
      .type(CONTENT_TYPES[format])
      .setHeader('Cache-Control', 'no-store')
      .setHeader('Content-Disposition', `attachment; filename="${filename}"`)
      .send(bytes);
  }
}
