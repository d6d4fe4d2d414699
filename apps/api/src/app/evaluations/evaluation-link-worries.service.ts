import { Injectable } from '@nestjs/common';
import { LinkWorryCommand, LinkWorryReceived } from '@heard/domain';
import { DataSource } from 'typeorm';
import { sha256 } from '../../platform/auth/tokens';
import { DomainError } from '../../platform/errors/domain-error';
import { WorriesService } from '../worries/worries.service';
import { LINK_NOT_FOUND } from './evaluations.service';
import { findRound } from './evaluations.queries';

/**
 * "I'm worried about something" from a round's link: no account and no identity, so the worry
 * carries the round and the occasion it was held at, which is all the safeguarding contacts can
 * go on. Unlike an answer, a worry is taken whatever the round's dates: a child's worry is never
 * refused because a round closed (docs/worries.md). Only a link that was never a round's is 404.
 */
@Injectable()
export class EvaluationLinkWorriesService {
  constructor(
    private readonly db: DataSource,
    private readonly worries: WorriesService,
  ) {}

  async raise(token: string, command: LinkWorryCommand): Promise<LinkWorryReceived> {
    return this.db.transaction(async (em) => {
      const round = await findRound(em, { tokenHash: sha256(token) });
      if (!round) throw new DomainError('not_found', LINK_NOT_FOUND);
      await this.worries.raise(
        null,
        {
          words: command.words,
          source: { kind: 'round_link', id: round.id },
          occasion:
            round.occasionKind && round.occasionId
              ? { kind: round.occasionKind, id: round.occasionId }
              : null,
          youngPersonId: null,
        },
        em,
      );
      return { received: true };
    });
  }
}
