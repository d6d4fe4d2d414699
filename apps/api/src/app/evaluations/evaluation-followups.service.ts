import { Injectable } from '@nestjs/common';
import {
  AuditAction,
  AuditRecordType,
  EvaluationEditCommand,
  EvaluationListItem,
  EvaluationWithPrompts,
  RaiseWorryFromEvaluationCommand,
  WORRY_WORDS_MAX,
  WorryRaisedResponse,
  answerProblems,
  evaluationWordsToCheck,
  roundStateOn,
  todayInLondon,
} from '@heard/domain';
import { DataSource } from 'typeorm';
import { AccessPolicy } from '../../platform/access/young-person-access';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { Clock } from '../../platform/clock';
import { DomainError } from '../../platform/errors/domain-error';
import { WorriesService } from '../worries/worries.service';
import {
  answersOf,
  quoteAnswerOf,
  quoteRows,
  reachEvaluation,
  visibleEvaluationIds,
} from './evaluation-followups.queries';
import { findRound, readEvaluation } from './evaluations.queries';
import { QuotesService } from './quotes.service';

const ROUND_CLOSED_FOR_EDITS =
  'This evaluation round has closed, so its evaluations can no longer be changed.';

/**
 * What officers do with a round's evaluations once they are in: list them, correct one while the
 * round is open, and raise a worry from one. Named evaluations only as the access policy allows.
 */
@Injectable()
export class EvaluationFollowupsService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly access: AccessPolicy,
    private readonly worries: WorriesService,
    private readonly quotes: QuotesService,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, roundId: string): Promise<EvaluationListItem[]> {
    return this.db.transaction(async (em) => {
      const round = await findRound(em, { id: roundId });
      if (!round) throw DomainError.notFound('This evaluation round');
      const ids = await visibleEvaluationIds(actor, em, roundId);
      const evaluations = await Promise.all(ids.map((id) => readEvaluation(em, id)));
      const answers = await answersOf(em, ids);
      const named = [...new Set(evaluations.flatMap((e) => (e.youngPersonId ? [e.youngPersonId] : [])))];
      const [names, quotes, youSaid] = await Promise.all([
        named.length
          ? (em.query(`SELECT id, preferred_name AS name FROM young_people WHERE id = ANY($1::uuid[])`, [
              named,
            ]) as Promise<{ id: string; name: string }[]>)
          : Promise.resolve([]),
        this.quotes.viewsFor(
          em,
          evaluations.map((e) => ({ id: e.id, youngPersonId: e.youngPersonId, questions: round.questions })),
          answers,
        ),
        ids.length
          ? (em.query(
              `SELECT evaluation_id AS "evaluationId", question_key AS "questionKey" FROM you_said_items
                WHERE evaluation_id = ANY($1::uuid[])`,
              [ids],
            ) as Promise<{ evaluationId: string; questionKey: string }[]>)
          : Promise.resolve([]),
      ]);
      if (named.length > 0)
        // Naming young people beside their words is a read of their records: audited.
        await this.audit.for(actor).record(em, {
          action: AuditAction.Read,
          type: AuditRecordType.EvaluationRound,
          id: roundId,
          detail: { event: 'read_evaluations', named: named.length },
        });
      const nameOf = new Map(names.map((n) => [n.id, n.name]));
      return evaluations.map((e) => ({
        ...e,
        youngPersonName: e.youngPersonId ? (nameOf.get(e.youngPersonId) ?? null) : null,
        quote: quotes.get(e.id) ?? null,
        wordsToCheck: evaluationWordsToCheck(e.answers),
        youSaidFrom: youSaid.filter((y) => y.evaluationId === e.id).map((y) => y.questionKey),
      }));
    });
  }

  /**
   * Corrects a submitted evaluation while its round is open, under the same answer rules as entry.
   * A chosen or published quote is not rewritten under the officer who chose it: unchoose it first.
   */
  async edit(actor: Actor, id: string, command: EvaluationEditCommand): Promise<EvaluationWithPrompts> {
    return this.db.transaction(async (em) => {
      const e = await reachEvaluation(this.access, actor, em, id, true);
      if (!e.youngPersonId)
        throw new DomainError(
          'conflict',
          'An answer given through the round’s link is kept as it was sent: no one can say it was meant otherwise.',
        );
      const round = await findRound(em, { id: e.roundId }, true);
      if (!round) throw DomainError.notFound('This evaluation round');
      const closedAt = round.closedAt ? new Date(round.closedAt).toISOString() : null;
      const today = todayInLondon(this.clock.now());
      if (roundStateOn({ opensOn: round.opensOn, closesOn: round.closesOn, closedAt }, today) === 'closed')
        throw new DomainError('conflict', ROUND_CLOSED_FOR_EDITS);
      const problems = answerProblems(round.questions, command.answers);
      if (Object.keys(problems).length > 0)
        throw new DomainError('validation', 'Some answers do not fit the round’s questions.', problems);
      const before = await answersOf(em, [id]);
      const quote = quoteAnswerOf(round.questions, before);
      const [quoteRow] = quote ? (await quoteRows(em, [id])).filter((r) => r.answerId === quote.id) : [];
      if (quote && quoteRow && quoteRow.state !== 'withdrawn') {
        const after = command.answers.find((a) => a.questionKey === quote.questionKey);
        if (after?.text !== quote.text)
          throw new DomainError(
            'conflict',
            quoteRow.state === 'published'
              ? 'This quote is published, so its words stay as they were published.'
              : 'This quote is chosen for use: unchoose it before changing its words.',
          );
      }
      const youSaid: { questionKey: string }[] = await em.query(
        `SELECT question_key AS "questionKey" FROM you_said_items WHERE evaluation_id = $1`,
        [id],
      );
      const keys = command.answers.map((a) => a.questionKey);
      const dropped = youSaid.filter((y) => !keys.includes(y.questionKey));
      if (dropped.length > 0)
        throw new DomainError(
          'conflict',
          'An answer made into a “You said” item cannot be removed: the item points at it.',
        );
      const removed = before.filter((a) => !keys.includes(a.questionKey)).map((a) => a.id);
      if (removed.length > 0) {
        await em.query(`DELETE FROM evaluation_quotes WHERE answer_id = ANY($1::uuid[])`, [removed]);
        await em.query(`DELETE FROM evaluation_answers WHERE id = ANY($1::uuid[])`, [removed]);
      }
      // Upserted by question, so a chosen quote or a "You said" item keeps pointing at the same answer.
      await em.query(
        `INSERT INTO evaluation_answers (evaluation_id, question_key, rating, text, position)
         SELECT $1, a.key, a.rating, a.text, a.position
           FROM unnest($2::text[], $3::smallint[], $4::text[]) WITH ORDINALITY AS a(key, rating, text, position)
         ON CONFLICT (evaluation_id, question_key)
         DO UPDATE SET rating = EXCLUDED.rating, text = EXCLUDED.text, position = EXCLUDED.position`,
        [id, keys, command.answers.map((a) => a.rating), command.answers.map((a) => a.text)],
      );
      // A new revision tells a round's cached results that they are out of date.
      await em.query(`UPDATE evaluations SET helped_by = $2, revision = revision + 1 WHERE id = $1`, [
        id,
        command.helpedBy,
      ]);
      const changed = command.answers
        .filter((a) => {
          const was = before.find((b) => b.questionKey === a.questionKey);
          return !was || was.rating !== a.rating || was.text !== a.text;
        })
        .map((a) => a.questionKey);
      await this.audit.for(actor).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.Evaluation,
        id,
        detail: {
          event: 'edit',
          youngPersonId: e.youngPersonId,
          // Which questions, never the words: the audit log holds no young person's answers.
          changed: changed.join(','),
          removed: before
            .filter((a) => removed.includes(a.id))
            .map((a) => a.questionKey)
            .join(','),
        },
      });
      const stored = await readEvaluation(em, id);
      return { ...stored, wordsToCheck: evaluationWordsToCheck(stored.answers) };
    });
  }

  /**
   * An officer raises a worry from an evaluation, with their own words or, when they send none,
   * the evaluation's written answers. It goes through the worries service, in this transaction.
   */
  async raiseWorry(
    actor: Actor,
    id: string,
    command: RaiseWorryFromEvaluationCommand,
  ): Promise<WorryRaisedResponse> {
    return this.db.transaction(async (em) => {
      const e = await reachEvaluation(this.access, actor, em, id);
      const written = (await answersOf(em, [id])).flatMap((a) => (a.text ? [a.text] : []));
      const words = command.words ?? written.join('\n\n').slice(0, WORRY_WORDS_MAX);
      if (!words.trim())
        throw DomainError.validation('words', 'This evaluation has no words in it: write what the worry is.');
      return this.worries.raise(
        actor,
        {
          words,
          source: { kind: 'evaluation', id },
          occasion: e.occasionKind && e.occasionId ? { kind: e.occasionKind, id: e.occasionId } : null,
          youngPersonId: e.youngPersonId,
        },
        em,
      );
    });
  }
}
