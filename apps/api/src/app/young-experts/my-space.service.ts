import { Injectable } from '@nestjs/common';
import {
  ConsentGiver,
  ConsentPurpose,
  InvitationAnswerRequest,
  LinkEvaluationCommand,
  MY_SPACE_MESSAGES,
  MeResponse,
  MyChoices,
  MyChoicesRequest,
  MyEvaluation,
  MyEvaluationSummary,
  MyInvitation,
  MyRound,
  QUOTE_CONSENT_WORDING,
  consentGiverProblem,
  occasionKey,
  roundStateOn,
  todayInLondon,
} from '@heard/domain';
import { DataSource, EntityManager, In } from 'typeorm';
import { Actor } from '../../platform/auth/auth-context';
import { Clock } from '../../platform/clock';
import { DomainError } from '../../platform/errors/domain-error';
import { ConsentService } from '../consent/consent.service';
import { findRound, readEvaluation } from '../evaluations/evaluations.queries';
import { EvaluationsService } from '../evaluations/evaluations.service';
import { Invitation } from '../invitations/entities/invitation.entity';
import { InvitationCommands } from '../invitations/invitation-commands';
import { InvitationReads } from '../invitations/invitation-reads';
import { loadOccasions } from '../occasions/occasion-facts';
import { linkedYoungPersonId } from './linked-young-person';
import {
  MyEvaluationRow,
  myEvaluation,
  myEvaluations,
  myInvitationIds,
  roundsForThem,
} from './young-experts.queries';

/**
 * What a young expert sees and does on their own pages. Every method starts from
 * linkedYoungPersonId and reuses the capability that owns the rule: evaluations, invitations and
 * consent each keep their one home; nothing here takes a young person's id from the request.
 */
@Injectable()
export class MySpaceService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly evaluations: EvaluationsService,
    private readonly invitationCommands: InvitationCommands,
    private readonly invitationReads: InvitationReads,
    private readonly consent: ConsentService,
  ) {}

  async me(actor: Actor): Promise<MeResponse> {
    const em = this.db.manager;
    const youngPersonId = await linkedYoungPersonId(em, actor);
    const [[person], rounds, invitations] = await Promise.all([
      em.query(`SELECT preferred_name AS name FROM young_people WHERE id = $1`, [youngPersonId]) as Promise<
        { name: string }[]
      >,
      this.openRounds(em, youngPersonId),
      this.invitationsOf(em, youngPersonId),
    ]);
    return {
      name: person.name,
      waiting: {
        rounds: rounds.length,
        invitations: invitations.filter((i) => i.answer === null && i.canStillChange).length,
      },
    };
  }

  async rounds(actor: Actor): Promise<MyRound[]> {
    const em = this.db.manager;
    return this.openRounds(em, await linkedYoungPersonId(em, actor));
  }

  async answer(
    actor: Actor,
    roundId: string,
    key: string,
    command: LinkEvaluationCommand,
  ): Promise<MyEvaluation> {
    const youngPersonId = await linkedYoungPersonId(this.db.manager, actor);
    return this.evaluation(
      actor,
      await this.evaluations.answerOwn(actor, youngPersonId, roundId, key, command),
    );
  }

  async evaluationList(actor: Actor): Promise<MyEvaluationSummary[]> {
    const em = this.db.manager;
    const rows = await myEvaluations(em, await linkedYoungPersonId(em, actor));
    return rows.map(summaryOf);
  }

  async evaluation(actor: Actor, id: string): Promise<MyEvaluation> {
    const em = this.db.manager;
    const row = await myEvaluation(em, await linkedYoungPersonId(em, actor), id);
    if (!row) throw new DomainError('not_found', MY_SPACE_MESSAGES.evaluationNotFound);
    return withAnswers(em, row);
  }

  /** Every one of their evaluations with its answers, for their data download. */
  async allEvaluations(em: EntityManager, youngPersonId: string): Promise<MyEvaluation[]> {
    return Promise.all((await myEvaluations(em, youngPersonId)).map((row) => withAnswers(em, row)));
  }

  async invitations(actor: Actor): Promise<MyInvitation[]> {
    const em = this.db.manager;
    return this.invitationsOf(em, await linkedYoungPersonId(em, actor));
  }

  async invitationsOf(em: EntityManager, youngPersonId: string): Promise<MyInvitation[]> {
    const ids = await myInvitationIds(em, youngPersonId);
    const rows = ids.length ? await em.getRepository(Invitation).findBy({ id: In(ids) }) : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    const views: MyInvitation[] = [];
    for (const id of ids) {
      const invitation = byId.get(id);
      if (invitation) views.push({ id, ...(await this.invitationReads.rsvpView(invitation)) });
    }
    return views;
  }

  async answerInvitation(actor: Actor, id: string, answer: InvitationAnswerRequest): Promise<MyInvitation> {
    const em = this.db.manager;
    const youngPersonId = await linkedYoungPersonId(em, actor);
    await this.invitationCommands.answerOwn(actor, youngPersonId, id, {
      answer: answer.answer,
      reason: answer.reason ?? null,
    });
    const invitation = await em.getRepository(Invitation).findOneByOrFail({ id });
    return { id, ...(await this.invitationReads.rsvpView(invitation)) };
  }

  async choices(actor: Actor): Promise<MyChoices> {
    const em = this.db.manager;
    return this.choicesOf(em, await linkedYoungPersonId(em, actor));
  }

  async changeChoices(actor: Actor, change: MyChoicesRequest): Promise<MyChoices> {
    const em = this.db.manager;
    const youngPersonId = await linkedYoungPersonId(em, actor);
    const now = await this.choicesOf(em, youngPersonId);
    if (change.quoteConsent === true) {
      if (now.quoteConsent.given) throw new DomainError('conflict', MY_SPACE_MESSAGES.quotesAlreadyGiven);
      if (!now.quoteConsent.mayDecide)
        throw DomainError.validation('quoteConsent', MY_SPACE_MESSAGES.quotesNeedAnAdult);
    }
    if (change.quoteConsent === false && !now.quoteConsent.given)
      throw new DomainError('conflict', MY_SPACE_MESSAGES.quotesAlreadyNo);
    if (change.quoteConsent !== undefined)
      await this.consent.recordOwnDecision(
        actor,
        youngPersonId,
        ConsentPurpose.Quotes,
        change.quoteConsent
          ? { give: true, wording: QUOTE_CONSENT_WORDING }
          : { give: false, reason: 'They said no on their own pages.' },
      );
    if (change.quotesNamed !== undefined)
      await em.query(`UPDATE young_people SET quotes_named = $2, updated_at = now() WHERE id = $1`, [
        youngPersonId,
        change.quotesNamed,
      ]);
    return this.choicesOf(em, youngPersonId);
  }

  private async choicesOf(em: EntityManager, youngPersonId: string): Promise<MyChoices> {
    const today = todayInLondon(this.clock.now());
    const { people, consents } = await this.consent.effectiveFor(
      em,
      [youngPersonId],
      [ConsentPurpose.Quotes],
      {
        on: today,
        at: this.clock.now(),
        activityId: null,
      },
    );
    const person = people.get(youngPersonId);
    const quotes = consents.get(youngPersonId)?.[ConsentPurpose.Quotes];
    const [{ named }]: { named: boolean }[] = await em.query(
      `SELECT quotes_named AS named FROM young_people WHERE id = $1`,
      [youngPersonId],
    );
    const problem = person
      ? consentGiverProblem(
          {
            dateOfBirth: person.dateOfBirth,
            decidesForThemselves: person.decidesForThemselves,
            serviceExperiences: person.serviceExperiences,
          },
          ConsentGiver.YoungPerson,
          today,
        )
      : null;
    return {
      quoteConsent: {
        given: quotes?.status === 'valid',
        since: quotes?.status === 'valid' ? quotes.record.givenOn : null,
        mayDecide: problem?.level !== 'error',
      },
      quotesNamed: named,
    };
  }

  /** Rounds for them that take answers today (the state is the domain's roundStateOn). */
  private async openRounds(em: EntityManager, youngPersonId: string): Promise<MyRound[]> {
    const today = todayInLondon(this.clock.now());
    const rounds = (
      await Promise.all((await roundsForThem(em, youngPersonId, today)).map((id) => findRound(em, { id })))
    ).flatMap((r) =>
      r &&
      roundStateOn(
        {
          opensOn: r.opensOn,
          closesOn: r.closesOn,
          closedAt: r.closedAt ? new Date(r.closedAt).toISOString() : null,
        },
        today,
      ) === 'open'
        ? [r]
        : [],
    );
    const occasions = await loadOccasions(
      em,
      rounds.flatMap((r) =>
        r.occasionKind && r.occasionId ? [{ kind: r.occasionKind, id: r.occasionId }] : [],
      ),
    );
    return rounds.map((r) => {
      const occasion =
        r.occasionKind && r.occasionId
          ? occasions.get(occasionKey({ kind: r.occasionKind, id: r.occasionId }))
          : null;
      return {
        id: r.id,
        title: r.title,
        toolName: r.toolName,
        versionLabel: r.versionLabel,
        questions: r.questions,
        closesOn: r.closesOn,
        occasion: occasion ? { title: occasion.title, date: occasion.date } : null,
      };
    });
  }
}

const summaryOf = (row: MyEvaluationRow): MyEvaluationSummary => ({
  id: row.id,
  roundTitle: row.roundTitle,
  toolName: row.toolName,
  versionLabel: row.versionLabel,
  answeredOn: row.answeredOn,
  pictureMode: row.pictureMode,
});

async function withAnswers(em: EntityManager, row: MyEvaluationRow): Promise<MyEvaluation> {
  const stored = await readEvaluation(em, row.id);
  const prompts = new Map(row.questions.map((q) => [q.key, q.prompt]));
  return {
    ...summaryOf(row),
    answers: stored.answers.map((a) => ({ ...a, prompt: prompts.get(a.questionKey) ?? '' })),
  };
}
