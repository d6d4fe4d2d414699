import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DraftedQuote, ReportFormat, ReportSection, withoutQuotes } from '@heard/domain';
import { DataSource } from 'typeorm';
import { Clock } from '../../platform/clock';
import { APP_CONFIG, AppConfig } from '../../platform/config/config';
import {
  DOCUMENT_INTERRUPTED,
  DocumentJobKey,
  DocumentJobProgress,
  DocumentJobs,
  MadeDocument,
  documentBackoffSeconds,
} from '../../platform/jobs/document-jobs';
import { ConsentService } from '../consent/consent.service';
import { DocumentThread } from '../documents/document-thread.service';
import { ReportFacts } from './report-pdf';
import { quotesNoLongerShown } from './reports.queries';

/** Tries before an export is marked failed. */
export const REPORT_DOCUMENT_ATTEMPTS = 3;

/** How long a claim holds: a report renders in seconds, so only a dead worker lets it run out. */
export const REPORT_DOCUMENT_LEASE_SECONDS = 300;

/** The kind of error only: the message may quote the report, which belongs in the log. */
function describeFailure(error: unknown): string {
  const kind = error instanceof Error ? error.name : typeof error;
  return `The document could not be made (${kind.slice(0, 100)}).`;
}

/**
 * Makes the reports' PDF and DOCX off the request path (issue 14 §6, ADR 0034) through the shared
 * document job, writing how far it has got (a step a section) for the page's progress bar. Polls
 * every MAIL_POLL_MS, the background jobs' one switch (0: off, and tests call runOnce).
 */
@Injectable()
export class ReportDocumentsWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly jobs: DocumentJobs;

  /** The renderers, by format, on the document thread (ADR 0038): a seam for tests, never replaced outside them. */
  render: Record<ReportFormat, (facts: ReportFacts, progress: DocumentJobProgress) => Promise<Uint8Array>> = {
    pdf: (facts, progress) => this.thread.render('reportPdf', facts, progress),
    docx: (facts, progress) => this.thread.render('reportDocx', facts, progress),
  };

  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly consent: ConsentService,
    private readonly clock: Clock,
    private readonly thread: DocumentThread,
  ) {
    this.jobs = new DocumentJobs(
      db,
      {
        label: 'report document',
        table: 'report_documents',
        keys: ['report_id', 'kind'],
        attempts: REPORT_DOCUMENT_ATTEMPTS,
        leaseSeconds: REPORT_DOCUMENT_LEASE_SECONDS,
        backoffSeconds: documentBackoffSeconds,
        interrupted: DOCUMENT_INTERRUPTED,
        describeFailure,
        progress: true,
        madeWith: 'quotes_left_out',
      },
      'ReportDocumentsWorker',
    );
  }

  onApplicationBootstrap(): void {
    this.jobs.start(this.config.mailPollMs, this.make);
  }

  onApplicationShutdown(): Promise<void> {
    return this.jobs.stop();
  }

  /** Sweeps expired claims, then makes one batch. Returns how many documents it claimed. */
  runOnce(batchSize = 2): Promise<number> {
    return this.jobs.runOnce(this.make, batchSize);
  }

  private readonly make = async (
    key: DocumentJobKey,
    progress: DocumentJobProgress,
  ): Promise<MadeDocument> => {
    const [row]: {
      title: string;
      from: string;
      to: string;
      sections: ReportSection[];
      quotes: DraftedQuote[];
    }[] = await this.db.query(
      `SELECT title, period_from::text AS "from", period_to::text AS "to", sections, quotes
         FROM reports WHERE id = $1`,
      [key['report_id']],
    );
    if (!row) throw new Error('The report is gone.');
    const format = key['kind'] as ReportFormat;
    const gone = await quotesNoLongerShown(this.db, this.consent, this.clock.now(), row.quotes);
    const facts: ReportFacts = {
      title: row.title,
      period: { from: row.from, to: row.to },
      sections: withoutQuotes(
        row.sections,
        gone.map((q) => q.words),
      ),
    };
    await progress(0, facts.sections.length + 1);
    return { bytes: await this.render[format](facts, progress), madeWith: gone.map((q) => q.quoteId) };
  };
}
