import { Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AuditAction,
  AuditRecordType,
  PLAN_EDITORS,
  PLAN_READERS,
  PLAN_STATUS_RULES,
  PlanDocumentStatusResponse,
  PlanPdfPending,
} from '@heard/domain';
import type { Response } from 'express';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import { Allow, Public } from '../../platform/auth/access.decorator';
import { Actor, CurrentActor } from '../../platform/auth/auth-context';
import { DomainError } from '../../platform/errors/domain-error';
import { revalidated } from '../../platform/http/revalidate';
import { sendPdf } from '../../platform/pdf/tagged-pdf';
import { enqueuePlanDocuments, planDocumentOf, requeueFailedPlanDocument } from './plan-documents';
import { PlanPicturesService } from './plan-pictures.service';
import { planPdfFilename } from './plan-pdf';

/** A malformed or oversized id is bad input (400), told apart from a well-formed id of nothing (404). */
const versionIdPipe = (field: string) =>
  new ParseUUIDPipe({
    exceptionFactory: () => DomainError.validation(field, 'Give the id of a version of the plan.'),
  });

/** How long a reader is asked to wait before asking again while the PDF is made. */
const PENDING_RETRY_SECONDS = 5;

const PENDING_WORDS: Record<PlanPdfPending['status'], string> = {
  queued: 'The PDF of this plan is waiting to be made. Try again in a few seconds.',
  making: 'The PDF of this plan is being made. Try again in a few seconds.',
};

/**
 * The PDF of a published version, for everyone, no sign-in (issue 14 §5, docs/plan.md "The PDF").
 * It is made off the request path by PlanDocumentsWorker; until it is ready the answer says so
 * (202 with Retry-After). Versions not published or superseded are "not found", as on the page.
 */
@ApiTags('public voice plan')
@Controller('published-plans')
export class PublishedPlanPdfController {
  constructor(
    private readonly db: DataSource,
    private readonly pictures: PlanPicturesService,
  ) {}

  @Public()
  @Get(':versionId/pdf')
  async pdf(
    @Param('versionId', versionIdPipe('versionId')) versionId: string,
    @Headers('if-none-match') seen: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    // The bytes are read only for a PDF the reader does not have yet: a revalidation costs a row.
    const row = await planDocumentOf(this.db.manager, versionId, false);
    if (!row || !PLAN_STATUS_RULES[row.versionStatus].public || row.number === null)
      throw DomainError.notFound('This published plan');
    if (row.status === 'ready') {
      // A made PDF never changes (the migration's trigger), so one that drew a picture which may no
      // longer be shown (consent withdrawn, a young person in it erased) is not given out at all.
      const drawn = row.picturesDrawn ?? [];
      const showable = await this.pictures.showable(this.db.manager, drawn);
      if (drawn.some((id) => !showable.has(id)))
        throw new DomainError(
          'not_found',
          'This PDF showed a picture that can no longer be shown, so it is not given out. The plan can be read and printed from its page, and its next correction will have a new PDF.',
        );
      if (revalidated(res, `"plan-pdf-${row.versionId}"`, seen)) {
        res.end();
        return;
      }
      const made = await planDocumentOf(this.db.manager, versionId, true);
      if (made?.bytes) {
        sendPdf(res, Buffer.from(made.bytes), planPdfFilename(row.year, row.number), 'inline');
        return;
      }
    }
    if (row.status === 'failed')
      throw new DomainError(
        'unavailable',
        'The PDF of this plan could not be made. The plan can still be read and printed from its page.',
      );
    // Publishing queues it and the migration queued those published before, so this is a safety net.
    if (row.status === null) await enqueuePlanDocuments(this.db.manager, row.versionId);
    const status = row.status === 'making' ? 'making' : 'queued';
    const body: PlanPdfPending = { status, detail: PENDING_WORDS[status] };
    res
      .status(202)
      .setHeader('Cache-Control', 'no-store')
      .setHeader('Retry-After', String(Math.max(PENDING_RETRY_SECONDS, row.dueIn)))
      .json(body);
  }
}

/** Where a version's PDF is, for the officers' page: waiting, being made, made or failed. */
@ApiTags('voice plan')
@Controller('plans')
@Allow(...PLAN_READERS)
export class PlanDocumentsController {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  @Get('versions/:id/document')
  async document(@Param('id', versionIdPipe('id')) id: string): Promise<PlanDocumentStatusResponse> {
    return this.statusOf(this.db.manager, id);
  }

  /** "Try again" on a PDF that failed after its tries: queued again, with its tries restored, and audited. */
  @Post('versions/:id/document/retry')
  @HttpCode(202)
  @Allow(...PLAN_EDITORS)
  retry(
    @CurrentActor() actor: Actor,
    @Param('id', versionIdPipe('id')) id: string,
  ): Promise<PlanDocumentStatusResponse> {
    return this.db.transaction(async (em) => {
      const row = await planDocumentOf(em, id, false);
      if (!row) throw DomainError.notFound('This version of the plan');
      if (!(await requeueFailedPlanDocument(em, id)))
        throw new DomainError(
          'conflict',
          'Only a PDF that could not be made can be tried again; this one is not failed.',
        );
      await this.audit.for(actor).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.PlanVersion,
        id,
        detail: { pdf: 'queued again' },
      });
      return this.statusOf(em, id);
    });
  }

  private async statusOf(em: EntityManager, id: string): Promise<PlanDocumentStatusResponse> {
    const row = await planDocumentOf(em, id, false);
    if (!row) throw DomainError.notFound('This version of the plan');
    return {
      versionId: row.versionId,
      kind: 'pdf',
      status: row.status,
      attempts: row.attempts,
      lastError: row.lastError,
      madeAt: row.madeAt ? new Date(row.madeAt).toISOString() : null,
      size: row.size,
      href: PLAN_STATUS_RULES[row.versionStatus].public ? `/api/published-plans/${row.versionId}/pdf` : null,
    };
  }
}
