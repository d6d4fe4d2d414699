import { Injectable } from '@nestjs/common';
import {
  ANSWERED_ON_OWN_PAGES,
  AuditAction,
  AuditRecordType,
  EvaluationEntryCommand,
  EvaluationLinkView,
  EvaluationResponse,
  LinkEvaluationCommand,
  MY_SPACE_MESSAGES,
  OfflineResolution,
  ROUND_STATE_MESSAGES,
  ageBandOf,
  ageOn,
  answerProblems,
  resolveOfflineChange,
  roundStateOn,
  todayInLondon,
} from '@heard/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AccessPolicy } from '../../platform/access/young-person-access';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { sha256 } from '../../platform/auth/tokens';
import { Clock } from '../../platform/clock';
import { DomainError } from '../../platform/errors/domain-error';
import { memberOn } from '../../platform/database/rules-sql';
import { OfflineChangeContext, offlineConflict } from '../../platform/offline/offline-change';
import { NewEvaluation, RoundRow, findRound, insertEvaluation, readEvaluation } from './evaluations.queries';

export const LINK_NOT_FOUND = 'This evaluation link was not found. Check it was copied in full.';
/** The evaluation's own unique key met one stored earlier: a resend after the keys' keeping period. */
const ALREADY_STORED =
  'An evaluation was already stored with this Idempotency-Key. Send a new key for a new evaluation.';

/** The answers of one evaluation as one comparable value, in question order. */
function answersFingerprint(answers: readonly [string, number | null, string | null][]): string {
  return JSON.stringify([...answers].sort((a, b) => a[0].localeCompare(b[0])));
}

/**
 * Entering evaluations. Every one carries an idempotency key from the device, kept on the
 * evaluation. A resend with the same key is answered by the one home for keys
 * (platform/idempotency, decision 0025) before it reaches here, with what was stored the first
 * time; the unique key on the evaluation stays as the last guard against a second copy. One
 * transaction per command; a refusal writes nothing.
 */
@Injectable()
export class EvaluationsService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly access: AccessPolicy,
    private readonly clock: Clock,
  ) {}

  /** An officer or practitioner enters the evaluation a young person gave. */
  async enter(
    actor: Actor,
    roundId: string,
    key: string,
    command: EvaluationEntryCommand,
    offline: OfflineChangeContext | null = null,
  ): Promise<EvaluationResponse> {
    return this.db.transaction(async (em) => {
      const round = await findRound(em, { id: roundId }, true);
      if (!round) throw DomainError.notFound('This evaluation round');
      // 404 for a young person the actor may not see, the same as one that does not exist.
      await this.access.assertMayChange(actor, em, { youngPerson: command.youngPersonId });
      await this.assertInAudience(em, round, command.youngPersonId, command.answeredOn);
      if (offline) {
        const { resolution, storedId } = await this.resolveOffline(em, actor, roundId, command, offline);
        // An evaluation is never held (it needs no consent and no occasion of its own moves under it).
        if (resolution.answer !== 'stored') throw offlineConflict(resolution);
        if (resolution.outcome === 'already' && storedId) return readEvaluation(em, storedId);
      }
      const today = todayInLondon(this.clock.now());
      if (command.answeredOn > today)
        throw DomainError.validation('answeredOn', 'The day they answered cannot be in the future.');
      this.assertTakesAnswers(round, command.answeredOn);
      this.assertAnswersFit(round, command.answers);
      const [{ dateOfBirth }]: { dateOfBirth: string }[] = await em.query(
        `SELECT date_of_birth::text AS "dateOfBirth" FROM young_people WHERE id = $1`,
        [command.youngPersonId],
      );
      const id = await this.store(em, key, {
        roundId,
        youngPersonId: command.youngPersonId,
        enteredBy: actor.userId,
        helpedBy: command.helpedBy,
        answeredOn: command.answeredOn,
        ageBand: ageBandOf(ageOn(dateOfBirth, command.answeredOn)),
        pictureMode: command.pictureMode,
        answers: command.answers,
        round,
      });
      await this.audit.for(actor).record(em, {
        action: AuditAction.Create,
        type: AuditRecordType.Evaluation,
        id,
        detail: { event: 'enter', roundId, youngPersonId: command.youngPersonId },
      });
      return readEvaluation(em, id);
    });
  }

  /**
   * A young expert answers a round on their own pages. `youngPersonId` comes from
   * linkedYoungPersonId (their own record, never one from the request); the same idempotency, round
   * and answer rules as an officer's entry. The evaluation records that they did it themselves.
   */
  async answerOwn(
    actor: Actor,
    youngPersonId: string,
    roundId: string,
    key: string,
    command: LinkEvaluationCommand,
  ): Promise<string> {
    return this.db.transaction(async (em) => {
      const round = await findRound(em, { id: roundId }, true);
      if (!round || round.audience === 'link') throw DomainError.notFound('This evaluation round');
      const today = todayInLondon(this.clock.now());
      // Not theirs reads as not found, the same as a round that does not exist.
      await this.assertInAudience(em, round, youngPersonId, today).catch(() => {
        throw new DomainError('not_found', MY_SPACE_MESSAGES.roundNotForYou);
      });
      this.assertTakesAnswers(round, today);
      const [answered]: unknown[] = await em.query(
        `SELECT 1 FROM evaluations WHERE round_id = $1 AND young_person_id = $2`,
        [roundId, youngPersonId],
      );
      if (answered) throw new DomainError('conflict', MY_SPACE_MESSAGES.roundAnswered);
      this.assertAnswersFit(round, command.answers);
      const [{ dateOfBirth }]: { dateOfBirth: string }[] = await em.query(
        `SELECT date_of_birth::text AS "dateOfBirth" FROM young_people WHERE id = $1`,
        [youngPersonId],
      );
      const id = await this.store(em, key, {
        roundId,
        youngPersonId,
        enteredBy: actor.userId,
        helpedBy: ANSWERED_ON_OWN_PAGES,
        answeredOn: today,
        ageBand: ageBandOf(ageOn(dateOfBirth, today)),
        pictureMode: command.pictureMode,
        answers: command.answers,
        round,
      });
      await this.audit.for(actor).record(em, {
        action: AuditAction.Create,
        type: AuditRecordType.Evaluation,
        id,
        detail: { event: 'answer_own', roundId, youngPersonId },
      });
      return id;
    });
  }

  /** What anyone with the link sees: the round's questions and its tool, nothing personal. */
  async viewByLink(token: string): Promise<EvaluationLinkView> {
    const round = await findRound(this.db.manager, { tokenHash: sha256(token) });
    if (!round) throw new DomainError('not_found', LINK_NOT_FOUND);
    this.assertTakesAnswers(round, todayInLondon(this.clock.now()));
    return {
      title: round.title,
      toolName: round.toolName,
      versionLabel: round.versionLabel,
      questions: round.questions,
      closesOn: round.closesOn,
    };
  }

  /** An answer through the link: no account, and nothing kept that says who gave it. */
  async answerByLink(token: string, key: string, command: LinkEvaluationCommand): Promise<void> {
    const tokenHash = sha256(token);
    await this.db.transaction(async (em) => {
      const round = await findRound(em, { tokenHash }, true);
      if (!round) throw new DomainError('not_found', LINK_NOT_FOUND);
      const today = todayInLondon(this.clock.now());
      this.assertTakesAnswers(round, today);
      this.assertAnswersFit(round, command.answers);
      const id = await this.store(em, key, {
        roundId: round.id,
        youngPersonId: null,
        enteredBy: null,
        helpedBy: null,
        answeredOn: today,
        ageBand: null,
        pictureMode: command.pictureMode,
        answers: command.answers,
        round,
      });
      await this.audit.for(null).record(em, {
        action: AuditAction.Create,
        type: AuditRecordType.Evaluation,
        id,
        detail: { event: 'answer_by_link', roundId: round.id },
      });
    });
  }

  private async store(
    em: EntityManager,
    key: string,
    e: Omit<NewEvaluation, 'idempotencyKey' | 'occasionKind' | 'occasionId'> & { round: RoundRow },
  ): Promise<string> {
    const { round, ...rest } = e;
    // The context is copied: the evaluation keeps where it was given whatever becomes of the round.
    const id = await insertEvaluation(em, {
      ...rest,
      occasionKind: round.occasionKind,
      occasionId: round.occasionId,
      idempotencyKey: key,
    });
    if (!id) throw new DomainError('conflict', ALREADY_STORED);
    return id;
  }

  private async assertInAudience(
    em: EntityManager,
    round: RoundRow,
    youngPersonId: string,
    day: string,
  ): Promise<void> {
    const notInAudience = () =>
      DomainError.validation('youngPersonId', 'This young person is not one of those this round is for.');
    if (round.audience === 'named') {
      const [row]: unknown[] = await em.query(
        `SELECT 1 FROM evaluation_round_invitees WHERE round_id = $1 AND young_person_id = $2`,
        [round.id, youngPersonId],
      );
      if (!row) throw notInAudience();
    } else if (round.audience === 'group') {
      const [row]: unknown[] = await em.query(
        `SELECT 1 FROM group_memberships m WHERE m.group_id = $1 AND m.young_person_id = $2 AND ${memberOn('m', '$3::date')}`,
        [round.groupId, youngPersonId, day],
      );
      if (!row) throw notInAudience();
    }
    // A link round is for anyone: an officer may enter one for any young person they may see.
  }

  /**
   * What the offline rules make of an evaluation entered without signal: the round's state and
   * what is stored for this young person in it now, in one query. The answers are compared as a
   * fingerprint, so the same evaluation sent again by another path is stored once.
   */
  private async resolveOffline(
    em: EntityManager,
    actor: Actor,
    roundId: string,
    command: EvaluationEntryCommand,
    offline: OfflineChangeContext,
  ): Promise<{ resolution: OfflineResolution; storedId: string | null }> {
    const [facts]: {
      closedAt: Date | null;
      name: string;
      storedId: string | null;
      enteredBy: string | null;
      enteredByName: string | null;
      enteredAt: Date | null;
      storedAnswers: [string, number | null, string | null][] | null;
    }[] = await em.query(
      `SELECT r.closed_at AS "closedAt", yp.preferred_name AS name, e.id AS "storedId",
              e.entered_by AS "enteredBy", u.display_name AS "enteredByName", e.created_at AS "enteredAt",
              (SELECT json_agg(json_build_array(a.question_key, a.rating, a.text) ORDER BY a.question_key)
                 FROM evaluation_answers a WHERE a.evaluation_id = e.id) AS "storedAnswers"
         FROM evaluation_rounds r
         JOIN young_people yp ON yp.id = $2
         LEFT JOIN LATERAL (SELECT id, entered_by, created_at FROM evaluations
                             WHERE round_id = r.id AND young_person_id = yp.id
                             ORDER BY created_at LIMIT 1) e ON true
         LEFT JOIN users u ON u.id = e.entered_by
        WHERE r.id = $1`,
      [roundId, command.youngPersonId],
    );
    const sent = answersFingerprint(
      command.answers.map((a): [string, number | null, string | null] => [
        a.questionKey,
        a.rating ?? null,
        a.text ?? null,
      ]),
    );
    const resolution = resolveOfflineChange(
      {
        kind: 'evaluation',
        youngPersonName: facts.name,
        value: sent,
        deviceTime: offline.deviceTime,
        officerId: actor.userId,
      },
      {
        stored:
          facts.storedId && facts.enteredAt
            ? {
                value: answersFingerprint(facts.storedAnswers ?? []),
                byId: facts.enteredBy ?? '',
                byName: facts.enteredByName ?? 'another officer',
                at: facts.enteredAt,
              }
            : null,
        occasion: { status: 'held' },
        consentWithdrawnAt: null,
        roundClosedAt: facts.closedAt,
      },
    );
    return { resolution, storedId: facts.storedId };
  }

  private assertTakesAnswers(round: RoundRow, day: string): void {
    const closedAt = round.closedAt ? new Date(round.closedAt).toISOString() : null;
    const state = roundStateOn({ opensOn: round.opensOn, closesOn: round.closesOn, closedAt }, day);
    if (state !== 'open') throw new DomainError('conflict', ROUND_STATE_MESSAGES[state]);
  }

  private assertAnswersFit(round: RoundRow, answers: EvaluationEntryCommand['answers']): void {
    const problems = answerProblems(round.questions, answers);
    if (Object.keys(problems).length > 0)
      throw new DomainError('validation', 'Some answers do not fit the round’s questions.', problems);
  }
}
