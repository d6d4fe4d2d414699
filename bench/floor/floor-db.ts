import type { Pool } from 'pg';
import { DataSource, EntityMetadata, EntityTarget, FindManyOptions, ObjectLiteral } from 'typeorm';
import { DriverUtils } from 'typeorm/driver/DriverUtils';

type Row = Record<string, unknown>;

/** One find's SQL, made once by TypeORM, and how to turn its rows back into entities by hand. */
interface PreparedFind {
  sql: string;
  /** The find's where values in the order TypeORM numbered them. */
  params: (where: Row) => unknown[];
  hydrate: (rows: Row[]) => ObjectLiteral[];
}

/**
 * What Heard's services ask of their DataSource (or its manager) on the benchmark's reads, answered
 * straight from a `pg` pool: `query`, `queryPrepared`'s named statements, and the few repository
 * finds those reads make. Each find's SQL is TypeORM's own, built once from the same entities and
 * options, then run by hand: the floor runs the same SQL as Heard without TypeORM on the way.
 */
export class FloorDb {
  readonly options = {};
  readonly logger = { logQuery: (): void => undefined };
  readonly driver: { master: Pool };
  readonly manager: FloorDb = this;
  readonly connection: FloorDb = this;
  readonly queryRunner = undefined;
  private readonly finds = new Map<string, PreparedFind>();

  constructor(
    private readonly pool: Pool,
    /** Heard's DataSource, for its entities' metadata and to build each find's SQL once. */
    private readonly typeorm: DataSource,
  ) {
    this.driver = { master: pool };
  }

  async query<T = Row[]>(text: string, values: unknown[] = []): Promise<T> {
    return (await this.pool.query(text, values)).rows as T;
  }

  getRepository<T extends ObjectLiteral>(entity: EntityTarget<T>) {
    return {
      find: (options: FindManyOptions<T>) => this.find<T>(entity, 'find', options),
      findOneBy: async (where: Row) =>
        (await this.find<T>(entity, 'findOneBy', { where, take: 1 } as FindManyOptions<T>))[0] ?? null,
    };
  }

  /** Heard's services behind the stand-in, typed as what they take. */
  asDataSource(): DataSource {
    return this as unknown as DataSource;
  }

  private async find<T extends ObjectLiteral>(
    entity: EntityTarget<T>,
    method: string,
    options: FindManyOptions<T>,
  ): Promise<T[]> {
    const where = options.where as Row;
    const metadata = this.typeorm.getMetadata(entity);
    // The key leaves the where's values out: the SQL is the same for every id.
    const key = `${metadata.name}.${method}:${JSON.stringify({ ...options, where: Object.keys(where) })}`;
    let prepared = this.finds.get(key);
    if (!prepared) {
      prepared = this.prepare(metadata, options);
      this.finds.set(key, prepared);
    }
    const rows = await this.query<Row[]>(prepared.sql, prepared.params(where));
    return prepared.hydrate(rows) as T[];
  }

  private prepare<T extends ObjectLiteral>(
    metadata: EntityMetadata,
    options: FindManyOptions<T>,
  ): PreparedFind {
    const qb = this.typeorm.getRepository<T>(metadata.target).createQueryBuilder(metadata.name);
    qb.setFindOptions(options);
    const [sql, built] = qb.getQueryAndParameters();
    const keys = Object.keys(options.where as Row);
    const params = (where: Row) => keys.map((k) => where[k]);
    // Plain equality on each key, numbered in the where's order, is all this stand-in knows.
    if (JSON.stringify(built) !== JSON.stringify(params(options.where as Row)))
      throw new Error(`The floor cannot stand in for this find on ${metadata.name}: ${sql}`);
    for (const column of metadata.columns)
      if (column.transformer || column.type === 'simple-json' || column.type === 'simple-array')
        throw new Error(`The floor reads ${metadata.name}.${column.propertyName} as pg gives it.`);
    const driver = this.typeorm.driver;
    const columnsOf = (m: EntityMetadata, alias: string) =>
      m.columns
        .filter((c) => !c.relationMetadata || c.propertyName !== c.relationMetadata.propertyName)
        .map((c) => ({
          property: c.propertyName,
          alias: DriverUtils.buildAlias(driver, undefined, alias, c.databaseName),
        }));
    const main = columnsOf(metadata, metadata.name);
    const mainKeys = metadata.primaryColumns.map((c) =>
      DriverUtils.buildAlias(driver, undefined, metadata.name, c.databaseName),
    );
    const joins = qb.expressionMap.joinAttributes.map((join) => {
      const relation = join.relation;
      if (!relation) throw new Error(`The floor hydrates relations only, not ${join.alias.name}.`);
      const target = relation.inverseEntityMetadata;
      return {
        property: relation.propertyName,
        many: relation.isOneToMany || relation.isManyToMany,
        columns: columnsOf(target, join.alias.name),
        keys: target.primaryColumns.map((c) =>
          DriverUtils.buildAlias(driver, undefined, join.alias.name, c.databaseName),
        ),
      };
    });
    const pick = (row: Row, columns: { property: string; alias: string }[]) => {
      const entity: Row = {};
      for (const c of columns) entity[c.property] = row[c.alias];
      return entity;
    };
    const hydrate = (rows: Row[]) => {
      const byKey = new Map<string, { entity: Row; seen: Set<string>[] }>();
      for (const row of rows) {
        const key = mainKeys.map((k) => String(row[k])).join('|');
        let found = byKey.get(key);
        if (!found) {
          const entity = pick(row, main);
          for (const join of joins) entity[join.property] = join.many ? [] : null;
          found = { entity, seen: joins.map(() => new Set<string>()) };
          byKey.set(key, found);
        }
        joins.forEach((join, i) => {
          if (row[join.keys[0]] === null) return;
          const childKey = join.keys.map((k) => String(row[k])).join('|');
          if (found.seen[i].has(childKey)) return;
          found.seen[i].add(childKey);
          const child = pick(row, join.columns);
          if (join.many) (found.entity[join.property] as Row[]).push(child);
          else found.entity[join.property] = child;
        });
      }
      return [...byKey.values()].map((f) => f.entity);
    };
    return { sql, params, hydrate };
  }
}
