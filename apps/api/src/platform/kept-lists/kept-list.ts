import {
  AuditAction,
  AuditDetailValue,
  AuditRecordType,
  KeptListEntry,
  ListEntryChangeCommand,
  ListEntryCommand,
} from '@heard/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../auth/auth-context';
import { Clock } from '../clock';
import { DomainError } from '../errors/domain-error';

/** Which list: its table (a constant, never input), how a missing entry is named, and its audit rows. */
export interface KeptListShape {
  /** A table of (id uuid, name, created_at, retired_at) with a unique index on lower(name). */
  table: string;
  /** "This service": the start of the not-found answer. */
  what: string;
  type: AuditRecordType;
  /** Added to every audit row, to say which list when one record type covers several. */
  detail?: Readonly<Record<string, AuditDetailValue>>;
}

/**
 * A list administrators keep (shared/kept-lists in libs/domain): add, rename, retire, bring back,
 * each audited. Nothing is deleted, so whatever names an entry keeps it; a retired entry is no
 * longer offered. Names are unique on the list whatever their case, retired ones included.
 */
export class KeptList {
  constructor(
    private readonly shape: KeptListShape,
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Current entries first, then retired ones, each by name. */
  list(em: EntityManager = this.db.manager): Promise<KeptListEntry[]> {
    return em.query(
      `SELECT id, name, retired_at IS NOT NULL AS retired FROM ${this.shape.table}
        ORDER BY retired_at IS NOT NULL, lower(name), id`,
    );
  }

  async add(actor: Actor, command: ListEntryCommand): Promise<KeptListEntry> {
    return this.db.transaction(async (em) => {
      await this.assertNameFree(em, command.name, null);
      const [entry]: KeptListEntry[] = await em.query(
        `INSERT INTO ${this.shape.table} (name, created_at) VALUES ($1, $2)
         RETURNING id, name, retired_at IS NOT NULL AS retired`,
        [command.name, this.clock.now()],
      );
      await this.audit.for(actor).record(em, {
        action: AuditAction.Create,
        type: this.shape.type,
        id: entry.id,
        detail: { ...this.shape.detail },
      });
      return entry;
    });
  }

  async change(actor: Actor, id: string, command: ListEntryChangeCommand): Promise<KeptListEntry> {
    const { table, what } = this.shape;
    return this.db.transaction(async (em) => {
      const [current]: { retired: boolean }[] = await em.query(
        `SELECT retired_at IS NOT NULL AS retired FROM ${table} WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!current) throw DomainError.notFound(what);
      if (command.name !== undefined) await this.assertNameFree(em, command.name, id);
      const retiring = command.retired !== undefined && command.retired !== current.retired;
      const [entry]: KeptListEntry[] = await em.query(
        `WITH changed AS (
           UPDATE ${table} SET name = COALESCE($2, name),
             retired_at = CASE WHEN $3::boolean IS NULL THEN retired_at WHEN $3 THEN COALESCE(retired_at, $4) END
            WHERE id = $1 RETURNING id, name, retired_at)
         SELECT id, name, retired_at IS NOT NULL AS retired FROM changed`,
        [id, command.name ?? null, command.retired ?? null, this.clock.now()],
      );
      await this.audit.for(actor).record(em, {
        action: AuditAction.Update,
        type: this.shape.type,
        id,
        detail: {
          ...this.shape.detail,
          renamed: command.name !== undefined,
          event: retiring ? (command.retired ? 'retired' : 'brought_back') : null,
        },
      });
      return entry;
    });
  }

  private async assertNameFree(em: EntityManager, name: string, exceptId: string | null): Promise<void> {
    const [taken]: unknown[] = await em.query(
      `SELECT 1 FROM ${this.shape.table} WHERE lower(name) = lower($1) AND ($2::uuid IS NULL OR id <> $2)`,
      [name, exceptId],
    );
    if (taken)
      throw new DomainError(
        'conflict',
        `There is already one called “${name}” on the list (perhaps retired).`,
        {
          name: ['Choose a name not already on the list.'],
        },
      );
  }
}
