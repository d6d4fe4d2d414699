import { Injectable } from '@nestjs/common';
import {
  AuditAction,
  AuditRecordType,
  ConsentPurpose,
  QuoteConsentView,
  QuotePublishCommand,
  QuoteView,
  todayInLondon,
} from '@heard/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AccessPolicy } from '../../platform/access/young-person-access';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { Clock } from '../../platform/clock';
import { DomainError } from '../../platform/errors/domain-error';
import { ConsentService } from '../consent/consent.service';
import {
  QuoteRow,
  ReachedEvaluation,
  StoredAnswer,
  answersOf,
  quoteAnswerOf,
  quoteRows,
  reachEvaluation,
} from './evaluation-followups.queries';

/**
 * Quotes (docs/evaluations.md, "Quotes and consent"): kept → chosen → published. A named young
 * person's quote is chosen and published only while their quote consent is in force (the consent
 * capability decides); a link answer names no one, so it needs none. Named or anonymous is the
 * young person's own choice, read when it is published and kept with it.
 */
@Injectable()
export class QuotesService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly access: AccessPolicy,
    private readonly consent: ConsentService,
    private readonly clock: Clock,
  ) {}

  async choose(actor: Actor, evaluationId: string): Promise<QuoteView> {
    return this.change(actor, evaluationId, 'quote_chosen', async (em, e, answer, row) => {
      if (row?.state === 'chosen') throw new DomainError('conflict', 'This quote is already chosen.');
      if (row?.state === 'published') throw new DomainError('conflict', 'This quote is already published.');
      await this.assertConsent(em, e);
      await em.query(
        `INSERT INTO evaluation_quotes (answer_id, evaluation_id, state, chosen_by, chosen_at)
         VALUES ($1, $2, 'chosen', $3, $4)
         ON CONFLICT (answer_id) DO UPDATE SET state = 'chosen', chosen_by = $3, chosen_at = $4, withdrawn_at = NULL`,
        [answer.id, e.id, actor.userId, this.clock.now()],
      );
    });
  }

  async unchoose(actor: Actor, evaluationId: string): Promise<QuoteView> {
    return this.change(actor, evaluationId, 'quote_unchosen', async (em, _e, answer, row) => {
      if (row?.state === 'published')
        throw new DomainError(
          'conflict',
          'This quote is already published, so it cannot be unchosen: it has appeared where it was published.',
        );
      if (row?.state !== 'chosen') throw new DomainError('conflict', 'This quote is not chosen.');
      await em.query(`DELETE FROM evaluation_quotes WHERE answer_id = $1`, [answer.id]);
    });
  }

  async publish(actor: Actor, evaluationId: string, command: QuotePublishCommand): Promise<QuoteView> {
    return this.change(actor, evaluationId, 'quote_published', async (em, e, answer, row) => {
      if (row?.state === 'published') throw new DomainError('conflict', 'This quote is already published.');
      if (row?.state !== 'chosen')
        throw new DomainError('conflict', 'Choose this quote for use before publishing it.');
      await this.assertConsent(em, e);
      // The young person's own choice on the day: named or anonymous (the default).
      const named = e.youngPersonId
        ? (
            (
              await em.query(`SELECT quotes_named AS named FROM young_people WHERE id = $1`, [
                e.youngPersonId,
              ])
            )[0] as { named: boolean }
          ).named
        : false;
      await em.query(
        `UPDATE evaluation_quotes SET state = 'published', published_by = $2, published_at = $3,
           published_where = $4, published_named = $5
         WHERE answer_id = $1`,
        [answer.id, actor.userId, this.clock.now(), command.where, named],
      );
    });
  }

  /** Each evaluation's quote, if it has one, with the consent in force today for named ones. */
  async viewsFor(
    em: EntityManager,
    evaluations: readonly Pick<ReachedEvaluation, 'id' | 'youngPersonId' | 'questions'>[],
    answers: readonly StoredAnswer[],
  ): Promise<Map<string, QuoteView>> {
    const withQuote = evaluations.flatMap((e) => {
      const answer = quoteAnswerOf(
        e.questions,
        answers.filter((a) => a.evaluationId === e.id),
      );
      return answer ? [{ e, answer }] : [];
    });
    const [rows, consents] = await Promise.all([
      quoteRows(
        em,
        withQuote.map(({ e }) => e.id),
      ),
      this.consentViews(
        em,
        withQuote.flatMap(({ e }) => (e.youngPersonId ? [e.youngPersonId] : [])),
      ),
    ]);
    const rowOf = new Map(rows.map((r) => [r.answerId, r]));
    return new Map(
      withQuote.map(({ e, answer }) => [
        e.id,
        viewOf(
          answer,
          rowOf.get(answer.id) ?? null,
          e.youngPersonId ? (consents.get(e.youngPersonId) ?? null) : null,
        ),
      ]),
    );
  }

  private async change(
    actor: Actor,
    evaluationId: string,
    event: string,
    apply: (
      em: EntityManager,
      e: ReachedEvaluation,
      answer: StoredAnswer,
      row: QuoteRow | null,
    ) => Promise<void>,
  ): Promise<QuoteView> {
    return this.db.transaction(async (em) => {
      const e = await reachEvaluation(this.access, actor, em, evaluationId, true);
      const answer = quoteAnswerOf(e.questions, await answersOf(em, [e.id]));
      if (!answer) throw DomainError.notFound('A quote in this evaluation');
      const [row] = (await quoteRows(em, [e.id])).filter((r) => r.answerId === answer.id);
      await apply(em, e, answer, row ?? null);
      await this.audit.for(actor).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.Evaluation,
        id: e.id,
        detail: { event },
      });
      const views = await this.viewsFor(em, [e], [answer]);
      const view = views.get(e.id);
      if (!view) throw DomainError.notFound('A quote in this evaluation');
      return view;
    });
  }

  /** 409 with the consent capability's own reason when a named young person's quote consent is not in force. */
  private async assertConsent(em: EntityManager, e: ReachedEvaluation): Promise<void> {
    if (!e.youngPersonId) return;
    const consent = (await this.consentViews(em, [e.youngPersonId])).get(e.youngPersonId);
    if (!consent?.inForce)
      throw new DomainError(
        'conflict',
        `Their quote can be used only while their consent to quoting is in force. ${consent?.message ?? ''}`.trim(),
      );
  }

  /**
   * Whether each young person's quote consent is in force now: the one home of "may their words be
   * published", for evaluation quotes and for the action log's quotes alike.
   */
  async consentViews(
    em: EntityManager,
    youngPersonIds: readonly string[],
  ): Promise<Map<string, QuoteConsentView>> {
    const ids = [...new Set(youngPersonIds)];
    if (ids.length === 0) return new Map();
    const at = this.clock.now();
    const { consents } = await this.consent.effectiveFor(em, ids, [ConsentPurpose.Quotes], {
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
}

function viewOf(answer: StoredAnswer, row: QuoteRow | null, consent: QuoteConsentView | null): QuoteView {
  return {
    questionKey: answer.questionKey,
    state: row?.state ?? 'kept',
    consent,
    chosenAt: row && row.state !== 'withdrawn' ? new Date(row.chosenAt).toISOString() : null,
    published:
      row?.state === 'published' && row.publishedAt && row.publishedWhere !== null
        ? {
            at: new Date(row.publishedAt).toISOString(),
            where: row.publishedWhere,
            named: row.publishedNamed ?? false,
          }
        : null,
  };
}
