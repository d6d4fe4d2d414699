import { Inject, Injectable } from '@nestjs/common';
import { LinkWorryCommand, LinkWorryReceived } from '@heard/domain';
import { DataSource } from 'typeorm';
import { sha256 } from '../../platform/auth/tokens';
import { APP_CONFIG, AppConfig } from '../../platform/config/config';
import { DomainError } from '../../platform/errors/domain-error';
import { countInWindow } from '../auth/login-throttle';
import { WorriesService } from '../worries/worries.service';
import { LINK_NOT_FOUND } from './evaluations.service';
import { findRound } from './evaluations.queries';

/**
 * "I'm worried about something" from a round's link: no account and no identity, so the worry
 * carries the round and the occasion it was held at, which is all the safeguarding contacts can
 * go on. Unlike an answer, a worry is taken whatever the round's dates: a child's worry is never
 * refused because a round closed (docs/worries.md). Only a link that was never a round's is 404.
 *
 * The link is public and every worry emails the safeguarding contacts, so one client address may
 * send LINK_WORRIES_PER_HOUR in an hour (a venue's young people share one address: the default
 * leaves room for a whole group); past it the answer says who to talk to now and when to try again.
 */
@Injectable()
export class EvaluationLinkWorriesService {
  constructor(
    private readonly db: DataSource,
    private readonly worries: WorriesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async raise(token: string, command: LinkWorryCommand, clientAddress: string): Promise<LinkWorryReceived> {
    const sent = await countInWindow(this.db, `link-worry:address:${clientAddress}`, 60);
    if (sent.attempts > this.config.linkWorriesPerHour) {
      const minutes = Math.ceil(sent.retryAfterSeconds / 60);
      throw new DomainError(
        'rate_limited',
        `Lots of worries have been sent from here. If you need help now, talk to an adult you trust. You can send another in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
        undefined,
        { 'Retry-After': String(sent.retryAfterSeconds) },
      );
    }
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
