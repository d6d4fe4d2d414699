import { Injectable } from '@nestjs/common';
import { IsoDate, OccasionChange, OccasionRef } from '@heard/domain';
import { EntityManager } from 'typeorm';
import { Actor } from '../../platform/auth/auth-context';

/** An occasion moved to another day or time, or was cancelled. */
export interface OccasionChanged {
  occasion: OccasionRef;
  change: OccasionChange;
  /** Its day now (the new day, for a move). */
  date: IsoDate;
  /** Why, in the officer's words, when they gave one: passed on to whoever is told. */
  reason: string | null;
}

/** Reacts to a change inside the transaction that made it; returns how many people it told. */
export type OccasionSubscriber = (em: EntityManager, actor: Actor, event: OccasionChanged) => Promise<number>;

/**
 * Where a feature that moves or cancels an occasion says so, once, inside its own transaction.
 * Those who care (invitations, and later evaluations) subscribe, so the feature that moved the
 * thing never calls them by hand, and a failure in any of them rolls the change back.
 */
@Injectable()
export class OccasionEvents {
  private readonly subscribers: OccasionSubscriber[] = [];

  subscribe(subscriber: OccasionSubscriber): void {
    this.subscribers.push(subscriber);
  }

  /** Announces a change to every subscriber in turn; returns how many people were told in all. */
  async announce(em: EntityManager, actor: Actor, event: OccasionChanged): Promise<number> {
    let told = 0;
    for (const subscriber of this.subscribers) told += await subscriber(em, actor, event);
    return told;
  }
}
