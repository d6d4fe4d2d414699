import { AsyncLocalStorage } from 'node:async_hooks';
import {
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
  TransactionStartEvent,
} from 'typeorm';
import { KeyClaim, claimKey } from './idempotency.queries';

/** The key a request carries, while its handler runs: the first transaction it opens claims it. */
export interface PendingClaim extends KeyClaim {
  /** The transaction that holds the claim, until it commits or rolls back. */
  runner: QueryRunner | null;
  claiming: boolean;
  /** The claim's transaction committed: the row exists whatever happens next. */
  committed: boolean;
  /** The handler has returned: work it left running claims nothing. */
  closed: boolean;
}

export const pendingClaims = new AsyncLocalStorage<PendingClaim>();

/** Another request holds this key: its transaction committed first. */
export class KeyTaken extends Error {
  constructor() {
    super('Another request with this Idempotency-Key was stored first.');
  }
}

/**
 * Claims the pending key at the start of the request's first transaction, so the key's row and
 * what the create writes commit together or not at all. A second transaction while the first is
 * open, and savepoints within it, claim nothing.
 */
export const claimInTransaction: EntitySubscriberInterface = {
  async afterTransactionStart(event: TransactionStartEvent): Promise<void> {
    const claim = pendingClaims.getStore();
    if (!claim || claim.closed || claim.claiming || claim.runner || claim.committed) return;
    claim.claiming = true;
    try {
      if (!(await claimKey(event.queryRunner, claim))) throw new KeyTaken();
      claim.runner = event.queryRunner;
    } finally {
      claim.claiming = false;
    }
  },
  afterTransactionCommit(event: TransactionCommitEvent): void {
    const claim = pendingClaims.getStore();
    if (claim?.runner === event.queryRunner && !event.queryRunner.isTransactionActive) {
      claim.committed = true;
      claim.runner = null;
    }
  },
  afterTransactionRollback(event: TransactionRollbackEvent): void {
    const claim = pendingClaims.getStore();
    if (claim?.runner === event.queryRunner && !event.queryRunner.isTransactionActive) claim.runner = null;
  },
};
