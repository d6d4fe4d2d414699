import { Injectable } from '@nestjs/common';
import {
  AuditAction,
  AuditRecordType,
  CONSENT_PURPOSES,
  CONSENT_PURPOSE_LABELS,
  ConsentCheck,
  ConsentGiver,
  ConsentMethod,
  ConsentPanelResponse,
  ConsentPurpose,
  ConsentRecordCommand,
  ConsentRecordFacts,
  ConsentRecordResponse,
  ConsentSubject,
  EffectiveConsentResult,
  QuoteConsentView,
  consentGiverProblem,
  dateInWords,
  effectiveConsent,
  todayInLondon,
  toEffectiveConsentView,
  whoMayConsent,
} from '@heard/domain';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { AccessPolicy } from '../../platform/access/young-person-access';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { DomainError } from '../../platform/errors/domain-error';
import { displayNames } from '../users/display-names';
import { YoungPersonFacts, loadYoungPersonFacts } from '../young-people/young-person-facts';
import { QuoteWithdrawals } from '../evaluations/quote-withdrawals';
import { boardChanged } from '../action-log/action-log-base';
import { takeQuotesOffBoard } from '../action-log/board-quotes';
import { ConsentRecord } from './entities/consent-record.entity';

const subjectOf = (person: YoungPersonFacts): ConsentSubject => ({
  dateOfBirth: person.dateOfBirth,
  decidesForThemselves: person.decidesForThemselves,
  serviceExperiences: person.serviceExperiences,
});

@Injectable()
export class ConsentService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly access: AccessPolicy,
    private readonly quotes: QuoteWithdrawals,
  ) {}

  /** Every purpose with what is in force today and the full history; a staff read, so audited. */
  async panel(actor: Actor, youngPersonId: string): Promise<ConsentPanelResponse> {
    await this.access.assertMayRead(actor, this.db.manager, { youngPerson: youngPersonId });
    const today = todayInLondon();
    const person = (await loadYoungPersonFacts(this.db.manager, [youngPersonId], today)).get(youngPersonId);
    if (!person) throw DomainError.notFound('This young person');
    const records = await this.db
      .getRepository(ConsentRecord)
      .find({ where: { youngPersonId }, order: { givenOn: 'DESC', recordedAt: 'DESC' } });
    const responses = await this.responses(this.db.manager, records, person);
    const subject = subjectOf(person);
    const check: ConsentCheck = { on: today, at: new Date(), activityId: null };
    await this.audit.for(actor).record(null, {
      action: AuditAction.Read,
      type: AuditRecordType.YoungPersonConsent,
      id: youngPersonId,
    });
    return {
      youngPersonId,
      on: today,
      whoMayConsent: whoMayConsent(subject, today),
      purposes: CONSENT_PURPOSES.map((purpose) => ({
        purpose,
        label: CONSENT_PURPOSE_LABELS[purpose],
        effective: toEffectiveConsentView(
          effectiveConsent(records.map(factsOf), subject, { ...check, purpose }),
        ),
        history: responses.filter((r) => r.purpose === purpose),
      })),
    };
  }

  async record(
    actor: Actor,
    youngPersonId: string,
    command: ConsentRecordCommand,
  ): Promise<ConsentRecordResponse> {
    await this.access.assertMayChange(actor, this.db.manager, { youngPerson: youngPersonId });
    const today = todayInLondon();
    if (command.givenOn > today)
      throw DomainError.validation(
        'givenOn',
        'Consent cannot be given in the future: use the date it was given.',
      );
    const id = await this.db.transaction((em) => this.insertRecord(em, actor, youngPersonId, command));
    return this.one(id);
  }

  /**
   * A young expert's own decision about a purpose, from their pages: `youngPersonId` comes from
   * linkedYoungPersonId, never from the request. Yes is a standing consent they give online with
   * the words they were shown, checked by the same rule of who may consent; no withdraws every
   * record in force for the purpose, whoever gave it (saying no is always theirs to say).
   */
  async recordOwnDecision(
    actor: Actor,
    youngPersonId: string,
    purpose: ConsentPurpose,
    decision: { give: true; wording: string } | { give: false; reason: string },
  ): Promise<void> {
    await this.db.transaction(async (em) => {
      if (decision.give) {
        await this.insertRecord(em, actor, youngPersonId, {
          purpose,
          givenBy: ConsentGiver.YoungPerson,
          method: ConsentMethod.Online,
          wording: decision.wording,
          givenOn: todayInLondon(),
          scope: 'standing',
          activityId: null,
          expiresOn: null,
        });
        return;
      }
      const open = await em.getRepository(ConsentRecord).find({
        where: { youngPersonId, purpose, withdrawnAt: IsNull() },
        lock: { mode: 'pessimistic_write' },
      });
      for (const record of open) await this.markWithdrawn(em, actor, record, decision.reason);
    });
  }

  private async insertRecord(
    em: EntityManager,
    actor: Actor,
    youngPersonId: string,
    command: ConsentRecordCommand,
  ): Promise<string> {
    const person = (await loadYoungPersonFacts(em, [youngPersonId], command.givenOn)).get(youngPersonId);
    if (!person || person.archived) throw DomainError.notFound('This young person');
    if (command.activityId) {
      const [activity]: { date: string; title: string }[] = await em.query(
        `SELECT date::text AS date, title FROM activity_days WHERE id = $1`,
        [command.activityId],
      );
      if (!activity) throw DomainError.validation('activityId', 'This activity day was not found.');
      if (command.expiresOn !== null && command.expiresOn < activity.date)
        throw DomainError.validation(
          'expiresOn',
          `This consent would expire on ${dateInWords(command.expiresOn)}, before ${activity.title} on ${dateInWords(activity.date)}.`,
        );
    }
    const giver = consentGiverProblem(subjectOf(person), command.givenBy, command.givenOn);
    if (giver?.level === 'error') throw DomainError.validation('givenBy', giver.message);
    const result = await em.insert(ConsentRecord, {
      youngPersonId,
      purpose: command.purpose,
      givenBy: command.givenBy,
      method: command.method,
      wording: command.wording,
      givenOn: command.givenOn,
      scope: command.scope,
      activityId: command.activityId,
      expiresOn: command.expiresOn,
      recordedBy: actor.userId,
    });
    const recordId = (result.identifiers[0] as { id: string }).id;
    // The board reads quote consent when it is built: a consent given (or renewed) changes it.
    if (command.purpose === ConsentPurpose.Quotes) await boardChanged(em);
    await this.audit.for(actor).record(em, {
      action: AuditAction.Create,
      type: AuditRecordType.ConsentRecord,
      id: recordId,
      detail: {
        youngPersonId,
        purpose: command.purpose,
        givenBy: command.givenBy,
        warning: giver !== null,
      },
    });
    return recordId;
  }

  /** Takes effect at once and keeps the record: history shows it was given, then withdrawn. */
  async withdraw(actor: Actor, id: string, reason: string | null): Promise<ConsentRecordResponse> {
    await this.db.transaction(async (em) => {
      await this.access.assertMayChange(actor, em, { consent: id });
      const record = await em
        .getRepository(ConsentRecord)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!record) throw DomainError.notFound('This consent record');
      if (record.withdrawnAt)
        throw new DomainError(
          'conflict',
          `This consent was already withdrawn on ${record.withdrawnAt.toISOString().slice(0, 10)}.`,
        );
      await this.markWithdrawn(em, actor, record, reason);
    });
    return this.one(id);
  }

  private async markWithdrawn(
    em: EntityManager,
    actor: Actor,
    record: ConsentRecord,
    reason: string | null,
  ): Promise<void> {
    await em.update(
      ConsentRecord,
      { id: record.id },
      { withdrawnAt: new Date(), withdrawnBy: actor.userId, withdrawnReason: reason },
    );
    await this.audit.for(actor).record(em, {
      action: AuditAction.Update,
      type: AuditRecordType.ConsentRecord,
      id: record.id,
      detail: { event: 'withdraw', purpose: record.purpose },
    });
    // A withdrawal takes the young person's quotes out of everything not yet published (issue 11 §4),
    // whoever withdrew it: staff on the record, or the young person on their own pages.
    // The public board shows quotes only while consent is in force: theirs come off it too.
    if (record.purpose === ConsentPurpose.Quotes) {
      await this.quotes.takeOutChosen(em, actor, record.youngPersonId);
      await takeQuotesOffBoard(em, record.youngPersonId, actor.userId);
    }
  }

  /**
   * The one home of "may this young person's words be quoted now": their quote consent in force
   * at `at`, with the consent rules' own reason when it is not. Evaluations' quotes and the public
   * board both ask here.
   */
  async quoteConsentOf(
    em: EntityManager,
    youngPersonIds: readonly string[],
    at: Date,
  ): Promise<Map<string, QuoteConsentView>> {
    const ids = [...new Set(youngPersonIds)];
    if (ids.length === 0) return new Map();
    const { consents } = await this.effectiveFor(em, ids, [ConsentPurpose.Quotes], {
      on: todayInLondon(at),
      at,
      activityId: null,
    });
    return new Map(
      [...consents].map(([id, c]) => {
        const result = c[ConsentPurpose.Quotes];
        return [
          id,
          result.status === 'valid'
            ? { inForce: true, message: null }
            : { inForce: false, message: result.message },
        ];
      }),
    );
  }

  /**
   * The young people and their effective consent for each purpose at once (an activity's matrix,
   * the day sheet, the register), in two queries whatever the number of people.
   */
  async effectiveFor<P extends ConsentPurpose>(
    em: EntityManager,
    youngPersonIds: readonly string[],
    purposes: readonly P[],
    check: ConsentCheck,
  ): Promise<{
    people: Map<string, YoungPersonFacts>;
    /** Every person found has a result for every purpose asked for, so callers need no fallback. */
    consents: Map<string, Record<P, EffectiveConsentResult>>;
  }> {
    const [people, records] = await Promise.all([
      loadYoungPersonFacts(em, youngPersonIds, check.on),
      youngPersonIds.length && purposes.length
        ? em.getRepository(ConsentRecord).find({
            where: { youngPersonId: In([...youngPersonIds]), purpose: In([...purposes]) },
          })
        : Promise.resolve([]),
    ]);
    const byPerson = new Map<string, ConsentRecordFacts[]>();
    for (const r of records)
      byPerson.set(r.youngPersonId, [...(byPerson.get(r.youngPersonId) ?? []), factsOf(r)]);
    const consents = new Map<string, Record<P, EffectiveConsentResult>>();
    for (const [id, person] of people) {
      const own = byPerson.get(id) ?? [];
      consents.set(
        id,
        Object.fromEntries(
          purposes.map((purpose) => [
            purpose,
            effectiveConsent(own, subjectOf(person), { ...check, purpose }),
          ]),
        ) as Record<P, EffectiveConsentResult>,
      );
    }
    return { people, consents };
  }

  private async one(id: string): Promise<ConsentRecordResponse> {
    const record = await this.db.getRepository(ConsentRecord).findOneByOrFail({ id });
    const person = (await loadYoungPersonFacts(this.db.manager, [record.youngPersonId], todayInLondon())).get(
      record.youngPersonId,
    );
    if (!person) throw DomainError.notFound('This young person');
    const [response] = await this.responses(this.db.manager, [record], person);
    return response;
  }

  private async responses(
    em: EntityManager,
    records: ConsentRecord[],
    person: YoungPersonFacts,
  ): Promise<ConsentRecordResponse[]> {
    const userIds = [...new Set(records.flatMap((r) => [r.recordedBy, r.withdrawnBy ?? r.recordedBy]))];
    const activityIds = [...new Set(records.flatMap((r) => (r.activityId ? [r.activityId] : [])))];
    const [userName, activities]: [Map<string, string>, { id: string; title: string; date: string }[]] =
      await Promise.all([
        displayNames(em, userIds),
        activityIds.length
          ? em.query(`SELECT id, title, date::text AS date FROM activity_days WHERE id = ANY($1::uuid[])`, [
              activityIds,
            ])
          : [],
      ]);
    const activity = new Map(activities.map((a) => [a.id, a]));
    const today = todayInLondon();
    return records.map((r) => {
      const giver = consentGiverProblem(subjectOf(person), r.givenBy, today);
      return {
        id: r.id,
        youngPersonId: r.youngPersonId,
        purpose: r.purpose,
        givenBy: r.givenBy,
        method: r.method,
        wording: r.wording,
        givenOn: r.givenOn,
        scope: r.scope,
        activity: r.activityId ? (activity.get(r.activityId) ?? null) : null,
        expiresOn: r.expiresOn,
        recordedBy: { id: r.recordedBy, displayName: userName.get(r.recordedBy) ?? 'Unknown' },
        recordedAt: r.recordedAt.toISOString(),
        withdrawal: r.withdrawnAt
          ? {
              at: r.withdrawnAt.toISOString(),
              by: {
                id: r.withdrawnBy ?? r.recordedBy,
                displayName: userName.get(r.withdrawnBy ?? r.recordedBy) ?? 'Unknown',
              },
              reason: r.withdrawnReason,
            }
          : null,
        giverWarning: giver?.level === 'warning' ? giver.message : null,
      };
    });
  }
}

function factsOf(r: ConsentRecord): ConsentRecordFacts {
  return {
    id: r.id,
    purpose: r.purpose,
    givenBy: r.givenBy,
    givenOn: r.givenOn,
    scope: r.scope,
    activityId: r.activityId,
    expiresOn: r.expiresOn,
    withdrawnAt: r.withdrawnAt,
  };
}
