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
import { StampedCache } from '../../platform/cache/stamped-cache';
import { DomainError } from '../../platform/errors/domain-error';
import { PublishedJson, publishedJson } from '../../platform/http/published-json';
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

/** How many pages (the list, each published version's page) are kept built, the oldest let go first. */
const KEPT_PAGES = 200;

/**
 * Published content never changes and the stamp moves with every publication, so a kept page could
 * stay for good; it is still let go after this long, as StampedCache asks, and rebuilt in a few reads.
 */
const KEPT_FOR_MS = 10 * 60_000;

/**
 * The published voice plans (issue 14 §5), for everyone, no sign-in: only published and superseded
 * versions are ever read here, anything else is "not found". A published version's content never
 * changes (the migration's triggers), only its status once, from published to superseded, in the
 * same transaction as the publication that supersedes it. So what the public may read changes only
 * when a version is published (PlansService.publish), and every publication adds a public version:
 * the number of public versions, read from the database on each request, is the stamp the built
 * pages are kept under (StampedCache). Another API process's publication moves it just the same.
 */
@Injectable()
export class PublishedPlansService {
  private readonly kept = new StampedCache<PublishedJson>(KEPT_PAGES, KEPT_FOR_MS);
  /** Built comparisons by both versions, under the same stamp, the oldest built let go first. */
  private readonly keptComparisons = new StampedCache<PublishedJson>(KEPT_COMPARISONS, KEPT_FOR_MS);

  constructor(private readonly db: DataSource) {}

  /**
   * What the public may read, as it stands: the count of public versions and of those superseded
   * (one index, plan_versions_public_idx). Read before the page is built, so a page built from a
   * later publication is kept under the earlier stamp at worst, and the next reader rebuilds it.
   */
  private async stamp(): Promise<string> {
    const [row]: { stamp: string }[] = await this.db.query(
      `SELECT count(*)::text || '.' || count(*) FILTER (WHERE status = 'superseded')::text AS stamp
         FROM plan_versions WHERE status IN ${PUBLIC_STATUSES_SQL}`,
    );
    return row.stamp;
  }

  /** A `PublishedPlanListResponse`: each year's current version and those it replaced. */
  async list(): Promise<PublishedJson> {
    const stamp = await this.stamp();
    const kept = this.kept.get('list', stamp);
    if (kept) return kept;
    const built = await this.buildList();
    this.kept.set('list', stamp, built);
    return built;
  }

  private async buildList(): Promise<PublishedJson> {
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
    return publishedJson(
      (json) => `"plans-${createHash('sha256').update(json).digest('base64url').slice(0, 22)}"`,
      body,
    );
  }

  /**
   * A `PublishedPlanResponse`: one published or superseded version's page. What is not public is
   * "not found", and not kept.
   */
  async version(id: string): Promise<PublishedJson> {
    const stamp = await this.stamp();
    const key = `version ${id}`;
    const kept = this.kept.get(key, stamp);
    if (kept) return kept;
    const row = await this.reachPublished(id);
    const built = await publishedJson(`"plan-${row.id}-${row.status}"`, await this.build(row));
    this.kept.set(key, stamp, built);
    return built;
  }

  /**
   * Two published or superseded versions, section by section, word by word: the comparison staff
   * read (compareSections), of what the public may read. Whichever of the two is not public is a 404.
   */
  async compare(beforeId: string, afterId: string): Promise<PublishedJson> {
    const stamp = await this.stamp();
    const key = `${beforeId} ${afterId}`;
    const kept = this.keptComparisons.get(key, stamp);
    if (kept) return kept;
    const [before, after] = [await this.reachPublished(beforeId), await this.reachPublished(afterId)];
    const body: PublishedPlanComparisonResponse = {
      before: { ...publishedSummary(before), year: before.year },
      after: { ...publishedSummary(after), year: after.year },
      sections: await compareSections(this.db.manager, before, after),
    };
    const built = await publishedJson(
      `"plan-compare-${before.id}-${before.status}-${after.id}-${after.status}"`,
      body,
    );
    this.keptComparisons.set(key, stamp, built);
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
