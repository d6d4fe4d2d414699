import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  AuditAction,
  AuditRecordType,
  EnrolmentCodeResponse,
  enrolmentCodeExpiry,
  formatEnrolmentCode,
  newEnrolmentCode,
} from '@heard/domain';
import { DataSource } from 'typeorm';
import { AccessPolicy } from '../../platform/access/young-person-access';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { Clock } from '../../platform/clock';
import { DomainError } from '../../platform/errors/domain-error';
import { enrolmentCodeHash } from './enrolment-code-hash';
import {
  insertCode,
  insertYoungExpertAccount,
  retireUnusedCodes,
  youngExpertAccountOf,
} from './enrolment.queries';

/**
 * An officer issuing a young person's enrolment code, in person (decision 0019). The first code
 * also makes their young expert account; each new code retires the ones before it.
 */
@Injectable()
export class EnrolmentCodesService {
  constructor(
    private readonly db: DataSource,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  issue(actor: Actor, youngPersonId: string): Promise<EnrolmentCodeResponse> {
    const now = this.clock.now();
    return this.db.transaction(async (em) => {
      await this.access.assertMayChange(actor, em, { youngPerson: youngPersonId });
      // Locked, so two officers issuing at once make one account and leave one code live.
      const [person]: { preferred_name: string; archived_at: Date | null }[] = await em.query(
        `SELECT preferred_name, archived_at FROM young_people WHERE id = $1 FOR UPDATE`,
        [youngPersonId],
      );
      if (person.archived_at) {
        throw new DomainError('conflict', 'This young person’s record is archived: no code can be given.');
      }
      let account = await youngExpertAccountOf(em, youngPersonId);
      const accountCreated = account === null;
      if (!account) {
        const id = await insertYoungExpertAccount(em, youngPersonId, person.preferred_name, now);
        account = { id, status: 'active' };
        await this.audit.for(actor).record(em, {
          action: AuditAction.Create,
          type: AuditRecordType.User,
          id,
          detail: { change: 'young_expert_account_created', youngPersonId },
        });
      }
      if (account.status !== 'active') {
        throw new DomainError(
          'conflict',
          'This young expert’s account is switched off. An administrator can switch it back on first.',
        );
      }
      const retired = await retireUnusedCodes(em, youngPersonId, now);
      const expiresAt = enrolmentCodeExpiry(now);
      let code = '';
      let codeId: string | null = null;
      // A clash in 1.7 × 10^13 codes is all but impossible; drawing again costs nothing.
      for (let attempt = 0; attempt < 3 && !codeId; attempt++) {
        code = newEnrolmentCode(randomInt);
        codeId = await insertCode(em, {
          hash: enrolmentCodeHash(code),
          youngPersonId,
          issuedBy: actor.userId,
          issuedAt: now,
          expiresAt,
        });
      }
      if (!codeId) throw new Error('Could not draw an unused enrolment code');
      await this.audit.for(actor).record(em, {
        action: AuditAction.Create,
        type: AuditRecordType.YoungPerson,
        id: youngPersonId,
        detail: { change: 'enrolment_code_issued', codeId, userId: account.id, retired, accountCreated },
      });
      return { code: formatEnrolmentCode(code), expiresAt: expiresAt.toISOString(), accountCreated };
    });
  }
}
