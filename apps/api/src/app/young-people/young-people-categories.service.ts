import { Injectable } from '@nestjs/common';
import {
  AuditRecordType,
  KeptListEntry,
  ListEntryChangeCommand,
  ListEntryCommand,
  YoungPersonCategory,
} from '@heard/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { Clock } from '../../platform/clock';
import { DomainError } from '../../platform/errors/domain-error';
import { KeptList } from '../../platform/kept-lists/kept-list';

const NOT_OFFERED = 'Choose from the categories offered: this one is not on the list, or is retired.';

/**
 * The team's own categories of young people (docs/young-people.md, docs/reach.md): the list
 * administrators keep, and the categories ticked on a record. A retired category stays on the
 * records that have it (and in reach while they do) but is not offered for new ticks.
 */
@Injectable()
export class YoungPeopleCategoriesService {
  private readonly kept: KeptList;

  constructor(db: DataSource, audit: AuditService, clock: Clock) {
    this.kept = new KeptList(
      { table: 'young_people_categories', what: 'This category', type: AuditRecordType.YoungPeopleCategory },
      db,
      audit,
      clock,
    );
  }

  /** Current categories first, then retired ones, each by name. */
  list(em?: EntityManager): Promise<KeptListEntry[]> {
    return this.kept.list(em);
  }

  add(actor: Actor, command: ListEntryCommand): Promise<KeptListEntry> {
    return this.kept.add(actor, command);
  }

  change(actor: Actor, id: string, command: ListEntryChangeCommand): Promise<KeptListEntry> {
    return this.kept.change(actor, id, command);
  }

  /**
   * Every id must be a current category, or one already on this young person's record (a retired
   * one they keep until it is unticked). 422, each refused id named by its place in the list.
   */
  async assertOffered(
    em: EntityManager,
    youngPersonId: string | null,
    ids: readonly string[],
  ): Promise<void> {
    if (ids.length === 0) return;
    const rows: { id: string }[] = await em.query(
      `SELECT c.id FROM young_people_categories c
        WHERE c.id = ANY($1::uuid[])
          AND (c.retired_at IS NULL
               OR EXISTS (SELECT 1 FROM young_person_categories l
                           WHERE l.category_id = c.id AND l.young_person_id = $2::uuid))`,
      [ids, youngPersonId],
    );
    const offered = new Set(rows.map((r) => r.id.toLowerCase()));
    const errors: Record<string, string[]> = {};
    ids.forEach((id, i) => {
      if (!offered.has(id.toLowerCase())) errors[`categoryIds.${i}`] = [NOT_OFFERED];
    });
    if (Object.keys(errors).length > 0)
      throw new DomainError('unprocessable', 'Please check the categories.', errors);
  }

  /** Replaces the categories ticked on a record (inside the caller's transaction). */
  async replaceOn(em: EntityManager, youngPersonId: string, ids: readonly string[]): Promise<void> {
    await em.query(`DELETE FROM young_person_categories WHERE young_person_id = $1`, [youngPersonId]);
    if (ids.length === 0) return;
    await em.query(
      `INSERT INTO young_person_categories (young_person_id, category_id)
       SELECT $1, c FROM unnest($2::uuid[]) AS c`,
      [youngPersonId, ids],
    );
  }

  /** The categories ticked on a record, by name. */
  of(em: EntityManager, youngPersonId: string): Promise<YoungPersonCategory[]> {
    return em.query(
      `SELECT c.id, c.name FROM young_person_categories l JOIN young_people_categories c ON c.id = l.category_id
        WHERE l.young_person_id = $1 ORDER BY lower(c.name), c.id`,
      [youngPersonId],
    );
  }
}
