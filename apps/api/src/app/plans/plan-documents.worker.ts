import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PLAN_STATUS_RULES, planPictureIds } from '@heard/domain';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../platform/config/config';
import {
  DOCUMENT_INTERRUPTED,
  DocumentJobKey,
  MadeDocument,
  DocumentJobs,
  documentBackoffSeconds,
} from '../../platform/jobs/document-jobs';
import { DocumentThread } from '../documents/document-thread.service';
import { PlanPdfFacts } from './plan-pdf';
import { PlanPicturesService } from './plan-pictures.service';
import { contentOf, reachVersion } from './plans.queries';

/** Tries before a document is marked failed: a plan that breaks the renderer three times will break it again. */
export const PLAN_DOCUMENT_ATTEMPTS = 3;

/**
 * How long a claim holds. One plan renders in seconds (docs/benchmarks.md), so only a dead or
 * frozen worker lets a lease run out; it is also how long a document waits after a crash.
 */
export const PLAN_DOCUMENT_LEASE_SECONDS = 300;

/**
 * What is kept of a failure: the kind of error only. The message may quote the plan's text, which
 * belongs in the log beside the version's id, not in a row the officers' page shows.
 */
function describeFailure(error: unknown): string {
  const kind = error instanceof Error ? error.name : typeof error;
  return `The PDF could not be made (${kind.slice(0, 100)}).`;
}

/**
 * Makes the published plans' PDFs off the request path (issue 14 §5, ADR 0033) through the shared
 * document job (platform/jobs/document-jobs.ts, ADR 0034): claimed with FOR UPDATE SKIP LOCKED, a
 * token and a lease, the sweep taking back rows whose worker died. Polls every MAIL_POLL_MS, the
 * background jobs' one switch (0: off, and tests call runOnce).
 */
@Injectable()
export class PlanDocumentsWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly jobs: DocumentJobs;

  /**
   * The renderer, on the document thread (ADR 0038): a seam for the test of a job that throws,
   * never replaced outside tests.
   */
  render: (facts: PlanPdfFacts) => Promise<Uint8Array> = (facts) => this.thread.render('planPdf', facts);

  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly pictures: PlanPicturesService,
    private readonly thread: DocumentThread,
  ) {
    this.jobs = new DocumentJobs(
      db,
      {
        label: 'plan document',
        table: 'plan_documents',
        keys: ['version_id', 'kind'],
        attempts: PLAN_DOCUMENT_ATTEMPTS,
        leaseSeconds: PLAN_DOCUMENT_LEASE_SECONDS,
        backoffSeconds: documentBackoffSeconds,
        interrupted: DOCUMENT_INTERRUPTED,
        describeFailure,
        madeWith: 'pictures_drawn',
      },
      'PlanDocumentsWorker',
    );
  }

  onApplicationBootstrap(): void {
    this.jobs.start(this.config.mailPollMs, this.make);
  }

  /** Waits for the document being made; rows claimed and not started go back to the queue. */
  onApplicationShutdown(): Promise<void> {
    return this.jobs.stop();
  }

  /** Sweeps expired claims, then makes one batch. Returns how many documents it claimed. */
  runOnce(batchSize = 2): Promise<number> {
    return this.jobs.runOnce(this.make, batchSize);
  }

  /** The PDF, with the pictures it drew, kept beside its bytes under the same claim. */
  private readonly make = async (key: DocumentJobKey): Promise<MadeDocument> => {
    const facts = await this.factsOf(key['version_id']);
    return { bytes: await this.render(facts), madeWith: [...(facts.pictures?.keys() ?? [])] };
  };

  /** The published content of the version, read as the public page reads it. */
  private async factsOf(versionId: string): Promise<PlanPdfFacts> {
    const em = this.db.manager;
    const row = await reachVersion(em, versionId, false);
    // Only published versions are queued (enqueuePlanDocuments is called when publishing).
    if (!PLAN_STATUS_RULES[row.status].public || row.number === null || row.publishedAt === null)
      throw new Error(`The version is ${row.status}, not published.`);
    const { sections, lundy, commitments } = await contentOf(em, row);
    return {
      year: row.year,
      number: row.number,
      publishedAt: row.publishedAt,
      whatChanged: row.whatChanged,
      sections,
      lundy,
      commitments: commitments.map((c) => ({ words: c.words, childWords: c.childWords, dueOn: c.dueOn })),
      pictures: await this.pictures.shown(
        em,
        sections.flatMap((s) => [...planPictureIds(s.childFriendly), ...planPictureIds(s.professional)]),
      ),
    };
  }
}
