import { Injectable } from '@nestjs/common';
import {
  AuditAction,
  AuditRecordType,
  ReviewParticipationCommand,
  ReviewParticipationResponse,
  reviewParticipationProblems,
  todayInLondon,
} from '@heard/domain';
import { DataSource } from 'typeorm';
import { AccessPolicy } from '../../platform/access/young-person-access';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { Clock } from '../../platform/clock';
import { DomainError } from '../../platform/errors/domain-error';
import { insertReview, reviewById, reviewsOf } from './review-participation.queries';

/**
 * A young person's review meetings and how they took part (issue 14 §7): recorded by the staff who
 * may change their record, appended (a correction is a new record), and counted in the plan.
 */
@Injectable()
export class ReviewParticipationService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly access: AccessPolicy,
    private readonly clock: Clock,
  ) {}

  /** A staff read of a young person's record, so audited. */
  async list(actor: Actor, youngPersonId: string): Promise<ReviewParticipationResponse[]> {
    await this.access.assertMayRead(actor, this.db.manager, { youngPerson: youngPersonId });
    const reviews = await reviewsOf(this.db, youngPersonId);
    await this.audit.for(actor).record(null, {
      action: AuditAction.Read,
      type: AuditRecordType.ReviewParticipation,
      id: youngPersonId,
      detail: { count: reviews.length },
    });
    return reviews;
  }

  async record(
    actor: Actor,
    youngPersonId: string,
    command: ReviewParticipationCommand,
  ): Promise<ReviewParticipationResponse> {
    const problems = Object.entries(reviewParticipationProblems(command, todayInLondon(this.clock.now())));
    const id = await this.db.transaction(async (em) => {
      await this.access.assertMayChange(actor, em, { youngPerson: youngPersonId });
      // After access, so a young person out of reach is a 404 whatever was sent.
      if (problems.length > 0)
        throw new DomainError(
          'validation',
          'Please check the review meeting.',
          Object.fromEntries(problems.map(([field, message]) => [field, [message ?? '']])),
        );
      const [person]: { archived: boolean }[] = await em.query(
        `SELECT archived_at IS NOT NULL AS archived FROM young_people WHERE id = $1 FOR SHARE`,
        [youngPersonId],
      );
      if (person.archived)
        throw new DomainError(
          'conflict',
          'This young person’s record is archived: review meetings cannot be added.',
        );
      const recordId = await insertReview(em, youngPersonId, command, actor.userId);
      await this.audit.for(actor).record(em, {
        action: AuditAction.Create,
        type: AuditRecordType.ReviewParticipation,
        id: recordId,
        detail: { youngPersonId, code: command.code, chaired: command.chaired },
      });
      return recordId;
    });
    const saved = await reviewById(this.db, id);
    if (!saved) throw DomainError.notFound('This review meeting');
    return saved;
  }
}
