import { Injectable } from '@nestjs/common';
import { AuditAction, AuditRecordType } from '@heard/domain';
import { EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';

/**
 * What a withdrawal of quote consent does to quotes (docs/evaluations.md, "Quotes and consent"):
 * every chosen but unpublished quote of the young person is taken out at once, in the
 * withdrawal's own transaction. Published quotes stay published: they already appeared. A class of
 * its own, with no dependency on consent, so the consent module can call it without a cycle.
 */
@Injectable()
export class QuoteWithdrawals {
  constructor(private readonly audit: AuditService) {}

  async takeOutChosen(em: EntityManager, actor: Actor, youngPersonId: string): Promise<number> {
    const taken: { evaluationId: string }[] = await em.query(
      // WITH … SELECT: TypeORM answers a bare UPDATE … RETURNING with [rows, count].
      `WITH taken AS (
         UPDATE evaluation_quotes q SET state = 'withdrawn', withdrawn_at = now()
           FROM evaluations e
          WHERE e.id = q.evaluation_id AND e.young_person_id = $1 AND q.state = 'chosen'
          RETURNING q.evaluation_id)
       SELECT evaluation_id AS "evaluationId" FROM taken`,
      [youngPersonId],
    );
    for (const { evaluationId } of taken)
      await this.audit.for(actor).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.Evaluation,
        id: evaluationId,
        detail: { event: 'quote_withdrawn' },
      });
    return taken.length;
  }
}
