import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  PLAN_STATUS_RULES,
  PublishedPlanComparisonResponse,
  PublishedPlanListResponse,
  PublishedPlanResponse,
  PublishedPlanVersionSummary,
  planPeriodOfYear,
} from '@heard/domain';
import { DataSource } from 'typeorm';
import { DomainError } from '../../platform/errors/domain-error';
import { VersionRow, compareSections, contentOf, reachVersion } from './plans.queries';

/** The statuses the public may read (PLAN_STATUS_RULES), as SQL. */
const PUBLIC_STATUSES_SQL = `(${Object.entries(PLAN_STATUS_RULES)
  .filter(([, rule]) => rule.public)
  .map(([status]) => `'${status}'`)
  .join(', ')})`;

/**
 * How many comparisons are kept built: pairs grow with the square of the versions published, so
 * the oldest built is let go past this (a comparison is rebuilt in a few reads when asked again).
 */
const KEPT_COMPARISONS = 200;

/** A published page as sent, and the tag a browser revalidates it with. */
export interface PublishedText<T> {
  tag: string;
  body: T;
}

/**
 * The published voice plans (issue 14 §5), for everyone, no sign-in: only published and superseded
 * versions are ever read here, anything else is "not found". A published version's content never
 * changes (the migration's triggers), only its status once, so a built page is kept in this process
 * by version and status.
 */
@Injectable()
export class PublishedPlansService {
  /** At most two pages a published version (published, then superseded): bounded by what was ever published. */
  private readonly kept = new Map<string, PublishedText<PublishedPlanResponse>>();

  constructor(private readonly db: DataSource) {}

  async list(): Promise<PublishedText<PublishedPlanListResponse>> {
    const rows: {
      year: number;
      id: string;
      number: number;
      status: 'published' | 'superseded';
      whatChanged: string | null;
      publishedAt: Date;
    }[] = await this.db.query(
      `SELECT p.year, v.id, v.number, v.status, v.what_changed AS "whatChanged", v.published_at AS "publishedAt"
         FROM plan_versions v JOIN voice_plans p ON p.id = v.plan_id
        WHERE v.status IN ${PUBLIC_STATUSES_SQL}
        ORDER BY p.year DESC, v.number DESC`,
    );
    const years = [...new Set(rows.map((r) => r.year))];
    const body: PublishedPlanListResponse = {
      plans: years.map((year) => {
        const versions = rows.filter((r) => r.year === year).map(summary);
        return {
          year,
          period: planPeriodOfYear(year),
          current: versions.find((v) => v.status === 'published') ?? null,
          past: versions.filter((v) => v.status !== 'published'),
        };
      }),
    };
    const tag = `"plans-${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 22)}"`;
    return { tag, body };
  }

  /** Built comparisons by both versions and their statuses, the oldest built let go first. */
  private readonly keptComparisons = new Map<string, PublishedText<PublishedPlanComparisonResponse>>();

  async version(id: string): Promise<PublishedText<PublishedPlanResponse>> {
    const row = await this.reachPublished(id);
    const key = `${row.id}:${row.status}`;
    const kept = this.kept.get(key);
    if (kept) return kept;
    const built = { tag: `"plan-${row.id}-${row.status}"`, body: await this.build(row) };
    this.kept.set(key, built);
    return built;
  }

  /**
   * Two published or superseded versions, section by section, word by word: the comparison staff
   * read (compareSections), of what the public may read. Whichever of the two is not public is a 404.
   */
  async compare(beforeId: string, afterId: string): Promise<PublishedText<PublishedPlanComparisonResponse>> {
    const [before, after] = [await this.reachPublished(beforeId), await this.reachPublished(afterId)];
    const key = `${before.id}:${before.status}:${after.id}:${after.status}`;
    const kept = this.keptComparisons.get(key);
    if (kept) return kept;
    const built = {
      tag: `"plan-compare-${before.id}-${before.status}-${after.id}-${after.status}"`,
      body: {
        before: { ...publishedSummary(before), year: before.year },
        after: { ...publishedSummary(after), year: after.year },
        sections: await compareSections(this.db.manager, before, after),
      },
    };
    if (this.keptComparisons.size >= KEPT_COMPARISONS) {
      const oldest = this.keptComparisons.keys().next();
      if (!oldest.done) this.keptComparisons.delete(oldest.value);
    }
    this.keptComparisons.set(key, built);
    return built;
  }

  /** A version the public may read, or "not found" whether it is not there or not published. */
  private async reachPublished(id: string): Promise<VersionRow> {
    const row = await reachVersion(this.db.manager, id, false);
    if (!PLAN_STATUS_RULES[row.status].public) throw DomainError.notFound('This version of the plan');
    return row;
  }

  private async build(row: VersionRow): Promise<PublishedPlanResponse> {
    const { sections, lundy, commitments } = await contentOf(this.db.manager, row);
    return {
      ...publishedSummary(row),
      year: row.year,
      period: row.period,
      sections,
      lundy,
      commitments: commitments.map((c) => ({ words: c.words, childWords: c.childWords, dueOn: c.dueOn })),
    };
  }
}

function summary(r: {
  id: string;
  number: number | null;
  status: string;
  whatChanged: string | null;
  publishedAt: Date;
}): PublishedPlanVersionSummary {
  return {
    id: r.id,
    number: r.number ?? 0,
    status: r.status === 'published' ? 'published' : 'superseded',
    whatChanged: r.whatChanged,
    publishedAt: new Date(r.publishedAt).toISOString(),
  };
}

/** A published version's row as the public sees it: published ones always have a date. */
const publishedSummary = (row: VersionRow): PublishedPlanVersionSummary =>
  summary({ ...row, publishedAt: new Date(row.publishedAt ?? 0) });
