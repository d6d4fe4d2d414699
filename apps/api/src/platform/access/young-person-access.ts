import { Injectable } from '@nestjs/common';
import { Role, youngPersonReachOf } from '@heard/domain';
import { EntityManager } from 'typeorm';
import { Actor } from '../auth/auth-context';
import { DomainError } from '../errors/domain-error';

/**
 * SQL that is true for the rows whose young person the actor may see. `youngPersonId` is the
 * qualified column holding the young person's id (`yp.id`, `i.young_person_id`…); the actor's id,
 * when needed, is pushed onto `params`. Lists use this, so a list and a single read never disagree.
 */
export function youngPersonVisibleSql(actor: Actor, params: unknown[], youngPersonId: string): string {
  // Unqualified, the column would resolve inside the subquery to the link table's own column and
  // let a practitioner with any link see every row.
  if (!youngPersonId.includes('.'))
    throw new Error(`youngPersonVisibleSql needs a qualified column, not "${youngPersonId}"`);
  switch (youngPersonReachOf(actor.role)) {
    case 'programme':
      return 'TRUE';
    case 'linked':
      params.push(actor.userId);
      return `EXISTS (SELECT 1 FROM young_person_trusted_adults reach WHERE reach.young_person_id = ${youngPersonId} AND reach.user_id = $${params.length})`;
    case 'none':
      return 'FALSE';
  }
}

/**
 * The same rule for a user who is not the one asking (the trusted adult a message would go to),
 * on facts already loaded: their links to the young person.
 */
export function userReaches(user: { id: string; role: Role }, linkedUserIds: readonly string[]): boolean {
  switch (youngPersonReachOf(user.role)) {
    case 'programme':
      return true;
    case 'linked':
      return linkedUserIds.includes(user.id);
    case 'none':
      return false;
  }
}

/**
 * A young person, or something that belongs to one. A letter is its invitation printed, so it has
 * the invitation's owner and rule; it is its own kind only so the refusal names the right thing.
 */
type RefKind = 'youngPerson' | 'invitation' | 'letter' | 'consent' | 'oneToOne' | 'membership';
export type YoungPersonRef = { [K in RefKind]: { [P in K]: string } }[RefKind];

interface Owner {
  table: string;
  idColumn: string;
  youngPersonColumn: string;
  what: string;
  /**
   * Extra condition for actors who reach only linked young people. A practitioner acts on an
   * invitation only as the adult handing it over, never on one meant for someone else to deliver.
   */
  linkedAlso?: (params: unknown[], actor: Actor) => string;
}

const handedOverByThem = (params: unknown[], actor: Actor) =>
  `t.via_trusted_adult_id = $${params.push(actor.userId)}`;

const OWNERS: Readonly<Record<RefKind, Owner>> = {
  youngPerson: { table: 'young_people', idColumn: 'id', youngPersonColumn: 'id', what: 'This young person' },
  invitation: {
    table: 'invitations',
    idColumn: 'id',
    youngPersonColumn: 'young_person_id',
    what: 'This invitation',
    linkedAlso: handedOverByThem,
  },
  letter: {
    table: 'invitations',
    idColumn: 'id',
    youngPersonColumn: 'young_person_id',
    what: 'This letter',
    linkedAlso: handedOverByThem,
  },
  consent: {
    table: 'consent_records',
    idColumn: 'id',
    youngPersonColumn: 'young_person_id',
    what: 'This consent record',
  },
  oneToOne: {
    table: 'one_to_ones',
    idColumn: 'id',
    youngPersonColumn: 'young_person_id',
    what: 'This one-to-one',
  },
  membership: {
    table: 'group_memberships',
    idColumn: 'id',
    youngPersonColumn: 'young_person_id',
    what: 'This membership',
  },
};

/**
 * The one answer to "may this actor see or change this young person, or this thing of theirs".
 * A refusal is 404, the same as a record that does not exist, so a refusal reveals nothing.
 * Reading and changing reach the same young people today; which actions a role may take at all is
 * the route's @Allow. Both names exist so that callers say which they mean when the two part.
 */
@Injectable()
export class AccessPolicy {
  /** 404 unless the actor may read it; answers the owning young person's id. */
  assertMayRead(actor: Actor, em: EntityManager, ref: YoungPersonRef): Promise<string> {
    return this.assertReach(actor, em, ref);
  }

  /** 404 unless the actor may change it; answers the owning young person's id. */
  assertMayChange(actor: Actor, em: EntityManager, ref: YoungPersonRef): Promise<string> {
    return this.assertReach(actor, em, ref);
  }

  /**
   * The ids among `youngPersonIds` the actor may not reach (missing ones included), for commands
   * that name several young people in their body and report each as a field error.
   */
  async unreachable(
    actor: Actor,
    em: EntityManager,
    youngPersonIds: readonly string[],
  ): Promise<Set<string>> {
    if (youngPersonIds.length === 0) return new Set();
    const params: unknown[] = [[...youngPersonIds]];
    const visible = youngPersonVisibleSql(actor, params, 'yp.id');
    const rows: { id: string }[] = await em.query(
      `SELECT yp.id FROM young_people yp WHERE yp.id = ANY($1::uuid[]) AND ${visible}`,
      params,
    );
    const reached = new Set(rows.map((r) => r.id));
    return new Set(youngPersonIds.filter((id) => !reached.has(id)));
  }

  private async assertReach(actor: Actor, em: EntityManager, ref: YoungPersonRef): Promise<string> {
    const [kind, id] = Object.entries(ref)[0] as [RefKind, string];
    const owner = OWNERS[kind];
    const params: unknown[] = [id];
    const where = [
      `t.${owner.idColumn} = $1`,
      youngPersonVisibleSql(actor, params, `t.${owner.youngPersonColumn}`),
    ];
    if (owner.linkedAlso && youngPersonReachOf(actor.role) === 'linked')
      where.push(owner.linkedAlso(params, actor));
    const [row]: { young_person_id: string }[] = await em.query(
      `SELECT t.${owner.youngPersonColumn} AS young_person_id FROM ${owner.table} t WHERE ${where.join(' AND ')}`,
      params,
    );
    if (!row) throw DomainError.notFound(owner.what);
    return row.young_person_id;
  }
}
