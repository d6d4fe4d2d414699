import { Injectable } from '@nestjs/common';
import {
  AuditAction,
  AuditRecordType,
  MyPledge,
  MyPledgeVerdictCommand,
  PLEDGE_VERDICT_LABELS,
  PledgeVerdict,
  todayInLondon,
} from '@heard/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { Clock } from '../../platform/clock';
import { memberOn } from '../../platform/database/rules-sql';
import { DomainError } from '../../platform/errors/domain-error';
import { linkedYoungPersonId } from '../young-experts/linked-young-person';
import { RATEABLE_STATUSES_SQL, notePledge } from './pledges.queries';
import { replaceVerdict } from './pledge-verdicts';

/**
 * The one home of "a pledge a young expert may give their verdict on": confirmed by its leader, and
 * made to a group they are in today, or to no group in particular (to every young person, as a
 * corporate parenting pledge is). `$1` is the young person, `$2` the London date; `p` is pledges.
 */
const THEIRS = `p.status IN ${RATEABLE_STATUSES_SQL}
  AND (p.group_id IS NULL OR EXISTS (SELECT 1 FROM group_memberships m
        WHERE m.young_person_id = $1 AND m.group_id = p.group_id AND ${memberOn('m', '$2::date')}))`;

/** Pledges on a young expert's own pages (issue 13 §1): was it kept? In their words, with no one named. */
@Injectable()
export class MyPledgesService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async mine(actor: Actor): Promise<MyPledge[]> {
    const em = this.db.manager;
    return this.load(em, await linkedYoungPersonId(em, actor), null);
  }

  /** Their verdict, given or changed: 404 for no such pledge, 403 for one not made to their group. */
  async give(actor: Actor, pledgeId: string, command: MyPledgeVerdictCommand): Promise<MyPledge> {
    return this.db.transaction(async (em) => {
      const me = await linkedYoungPersonId(em, actor);
      const [pledge]: { groupId: string | null }[] = await em.query(
        `SELECT p.group_id AS "groupId" FROM pledges p WHERE p.id = $1 AND p.status IN ${RATEABLE_STATUSES_SQL}
           FOR UPDATE`,
        [pledgeId],
      );
      if (!pledge) throw DomainError.notFound('This pledge');
      const [theirs]: unknown[] = await em.query(`SELECT 1 FROM pledges p WHERE p.id = $3 AND ${THEIRS}`, [
        me,
        this.today(),
        pledgeId,
      ]);
      if (!theirs)
        throw new DomainError('forbidden', 'You can only say this about pledges made to your groups.');
      const verdictId = await replaceVerdict(em, {
        pledgeId,
        source: 'young_expert',
        youngPersonId: me,
        groupId: null,
        sessionId: null,
        verdict: command.verdict,
        words: command.words,
        by: actor.userId,
        at: this.clock.now(),
      });
      await notePledge(em, pledgeId, 'verdict_given', actor.userId, {
        verdictId,
        source: 'young_expert',
        verdict: command.verdict,
      });
      await this.audit.for(actor).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.Pledge,
        id: pledgeId,
        detail: { event: 'young_expert_verdict', verdictId, verdict: command.verdict },
      });
      const [mine] = await this.load(em, me, pledgeId);
      return mine;
    });
  }

  private async load(em: EntityManager, me: string, onlyId: string | null): Promise<MyPledge[]> {
    const rows: {
      id: string;
      madeBy: string;
      role: string;
      forum: string;
      madeOn: string;
      words: string;
      targetDate: string;
      updateOn: string | null;
      updateWords: string | null;
      verdict: PledgeVerdict | null;
      verdictWords: string | null;
      verdictAt: Date | null;
    }[] = await em.query(
      `SELECT p.id, maker.display_name AS "madeBy", p.role, p.forum, p.made_on::text AS "madeOn", p.words,
              p.target_date::text AS "targetDate", u.noted_on::text AS "updateOn", u.words AS "updateWords",
              v.verdict, v.words AS "verdictWords", v.recorded_at AS "verdictAt"
         FROM pledges p
         JOIN users maker ON maker.id = p.made_by
         LEFT JOIN LATERAL (SELECT noted_on, words FROM pledge_updates WHERE pledge_id = p.id
                             ORDER BY noted_on DESC, created_at DESC LIMIT 1) u ON true
         LEFT JOIN pledge_verdicts v ON v.pledge_id = p.id AND v.young_person_id = $1 AND v.superseded_at IS NULL
        WHERE ${THEIRS} ${onlyId ? 'AND p.id = $3' : ''}
        ORDER BY p.made_on DESC, p.id
        LIMIT 200`,
      onlyId ? [me, this.today(), onlyId] : [me, this.today()],
    );
    return rows.map((r) => ({
      id: r.id,
      madeBy: r.madeBy,
      role: r.role,
      forum: r.forum,
      madeOn: r.madeOn,
      words: r.words,
      targetDate: r.targetDate,
      latestUpdate: r.updateOn && r.updateWords ? { notedOn: r.updateOn, words: r.updateWords } : null,
      myVerdict:
        r.verdict && r.verdictAt
          ? {
              verdict: r.verdict,
              label: PLEDGE_VERDICT_LABELS[r.verdict],
              words: r.verdictWords,
              at: new Date(r.verdictAt).toISOString(),
            }
          : null,
    }));
  }

  private today(): string {
    return todayInLondon(this.clock.now());
  }
}
