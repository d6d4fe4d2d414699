import { Injectable } from '@nestjs/common';
import {
  RoundResults,
  VersionChange,
  questionsOfRounds,
  resultsCsv,
  roundResults,
  versionChange,
} from '@heard/domain';
import { DataSource } from 'typeorm';
import { DomainError } from '../../platform/errors/domain-error';
import { loadOccasion } from '../occasions/occasion-facts';
import {
  findTool,
  roundAnswers,
  roundParticipation,
  roundResultsStamp,
  toolRoundQuestions,
  toolTallies,
  toolVersions,
} from './evaluation-results.queries';
import { findRound } from './evaluations.queries';
import { RoundAnswerFacts, RoundResultsCache } from './round-results-cache';

/**
 * Results of evaluations, always with their context (docs/evaluations.md "Results"). They are
 * aggregates: every evaluation of the round is counted, whoever the reader may see individually,
 * and the words come with no name, person, date or order that could point at who said them. So
 * no access-policy check is made per young person, and no read of a young person's record is
 * audited: none is read. The rules are in libs/domain (evaluation-results.ts).
 */
@Injectable()
export class EvaluationResultsService {
  private readonly cache = new RoundResultsCache();

  constructor(private readonly db: DataSource) {}

  async forRound(roundId: string): Promise<RoundResults> {
    const em = this.db.manager;
    const round = await findRound(em, { id: roundId });
    if (!round) throw DomainError.notFound('This evaluation round');
    const occasion =
      round.occasionKind && round.occasionId
        ? await loadOccasion(em, { kind: round.occasionKind, id: round.occasionId })
        : null;
    const { tallies, words, participation } = await this.answerFacts(roundId);
    return roundResults(
      {
        id: round.id,
        title: round.title,
        toolId: round.toolId,
        toolName: round.toolName,
        versionLabel: round.versionLabel,
        occasion:
          round.occasionKind && round.occasionId
            ? {
                kind: round.occasionKind,
                id: round.occasionId,
                title: occasion?.title ?? '',
                date: occasion?.date ?? null,
              }
            : null,
        opensOn: round.opensOn,
        closesOn: round.closesOn,
        audience: round.audience,
      },
      round.questions,
      tallies,
      words,
      participation,
    );
  }

  /** The round's counted answers, read again only when its evaluations changed (RoundResultsCache). */
  private async answerFacts(roundId: string): Promise<RoundAnswerFacts> {
    const stamp = await roundResultsStamp(this.db, roundId);
    const cached = this.cache.get(roundId, stamp);
    if (cached) return cached;
    const { tallies, words } = await roundAnswers(this.db, roundId);
    const participation = await roundParticipation(this.db, roundId);
    const facts = { tallies, words, participation };
    this.cache.set(roundId, stamp, facts);
    return facts;
  }

  async csvForRound(roundId: string): Promise<string> {
    return resultsCsv(await this.forRound(roundId));
  }

  async forTool(toolId: string): Promise<VersionChange> {
    const em = this.db.manager;
    const tool = await findTool(em, toolId);
    if (!tool) throw DomainError.notFound('This practice tool');
    const [versions, rounds, tallies] = await Promise.all([
      toolVersions(em, toolId),
      toolRoundQuestions(em, toolId),
      toolTallies(em, toolId),
    ]);
    return versionChange(
      tool,
      versions.map((v) => ({
        ...v,
        questions: questionsOfRounds(
          rounds.filter((r) => r.versionId === v.versionId).map((r) => r.questions),
        ),
        tallies: tallies.filter((t) => t.versionId === v.versionId),
      })),
    );
  }
}
