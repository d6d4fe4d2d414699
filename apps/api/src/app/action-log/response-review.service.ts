import { Injectable } from '@nestjs/common';
import {
  ACTION_ANSWER_LABELS,
  ACTION_STATUS_RULES,
  ActionStatus,
  AuditAction,
  AuditRecordType,
  ItemRatingsResponse,
  MyResponse,
  RATING_SCALE,
  Rating,
  ResponseRatingCommand,
  ratingFaceOf,
  todayInLondon,
} from '@heard/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { Clock } from '../../platform/clock';
import { memberOn } from '../../platform/database/rules-sql';
import { DomainError } from '../../platform/errors/domain-error';
import { linkedYoungPersonId } from '../young-experts/linked-young-person';
import { appendTimeline, reachItem } from './action-log-base';

/**
 * The one home of "an item a young expert reviews": from a group they are in today (named on the
 * item, or through the session it was said at), written in young people's words, and answered in
 * young people's words. `$1` is the young person, `$2` the London date.
 */
const REVIEWABLE = `y.young_words IS NOT NULL
  AND EXISTS (SELECT 1 FROM group_memberships m
               WHERE m.young_person_id = $1 AND ${memberOn('m', '$2::date')}
                 AND m.group_id = COALESCE(y.group_id, (SELECT s.group_id FROM group_sessions s WHERE s.id = y.session_id)))
  AND EXISTS (SELECT 1 FROM action_answers aa JOIN actions a ON a.id = aa.action_id
               WHERE aa.item_id = y.id AND a.young_words IS NOT NULL)`;

interface AnswerRow {
  itemId: string;
  status: ActionStatus;
  words: string;
  because: string | null;
}

/**
 * The Young Experts' review (docs/action-log.md, "Young experts' review"): on their own pages,
 * young experts see their groups' items and the answers, with no one who spoke named, and rate
 * "How well did we do?". Staff see every rating beside its comment, never an average alone.
 */
@Injectable()
export class ResponseReviewService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async mine(actor: Actor): Promise<MyResponse[]> {
    const em = this.db.manager;
    const me = await linkedYoungPersonId(em, actor);
    const items: {
      itemId: string;
      groupName: string;
      saidOn: string;
      youSaid: string;
      rating: Rating | null;
      comment: string | null;
      ratedAt: Date | null;
    }[] = await em.query(
      `SELECT y.id AS "itemId", g.name AS "groupName", y.said_on::text AS "saidOn", y.young_words AS "youSaid",
              r.rating, r.comment, r.rated_at AS "ratedAt"
         FROM you_said_items y
         JOIN groups g ON g.id = COALESCE(y.group_id, (SELECT s.group_id FROM group_sessions s WHERE s.id = y.session_id))
         LEFT JOIN response_ratings r ON r.item_id = y.id AND r.young_person_id = $1
        WHERE ${REVIEWABLE}
        ORDER BY y.said_on DESC, y.id
        LIMIT 200`,
      [me, todayInLondon(this.clock.now())],
    );
    const answers = await this.answersOf(
      em,
      items.map((i) => i.itemId),
    );
    return items.map((i) => ({
      itemId: i.itemId,
      groupName: i.groupName,
      saidOn: i.saidOn,
      youSaid: i.youSaid,
      answers: answers
        .filter((a) => a.itemId === i.itemId)
        .map((a) => {
          const answer = ACTION_STATUS_RULES[a.status].answer;
          return { answer, label: ACTION_ANSWER_LABELS[answer], words: a.words, because: a.because };
        }),
      myRating:
        i.rating !== null && i.ratedAt
          ? { face: ratingFaceOf(i.rating), comment: i.comment, ratedAt: new Date(i.ratedAt).toISOString() }
          : null,
    }));
  }

  /** Their rating, given or changed: 404 for no such item, 403 for one that is not their groups'. */
  async rate(actor: Actor, itemId: string, command: ResponseRatingCommand): Promise<MyResponse> {
    await this.db.transaction(async (em) => {
      const me = await linkedYoungPersonId(em, actor);
      const [exists]: unknown[] = await em.query(`SELECT 1 FROM you_said_items WHERE id = $1`, [itemId]);
      if (!exists) throw DomainError.notFound('This item');
      const [reviewable]: unknown[] = await em.query(
        `SELECT 1 FROM you_said_items y WHERE y.id = $3 AND ${REVIEWABLE}`,
        [me, todayInLondon(this.clock.now()), itemId],
      );
      if (!reviewable)
        throw new DomainError('forbidden', 'You can only rate answers to what your groups said.');
      await em.query(
        `INSERT INTO response_ratings (item_id, young_person_id, rating, comment, rated_at)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (item_id, young_person_id)
           DO UPDATE SET rating = EXCLUDED.rating, comment = EXCLUDED.comment, rated_at = EXCLUDED.rated_at`,
        [itemId, me, command.rating, command.comment, this.clock.now()],
      );
      await appendTimeline(em, {
        itemId,
        event: 'rated',
        detail: { rating: command.rating },
        byUserId: actor.userId,
      });
      await this.audit.for(actor).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.YouSaidItem,
        id: itemId,
        detail: { event: 'rated', rating: command.rating },
      });
    });
    const mine = (await this.mine(actor)).find((r) => r.itemId === itemId);
    if (!mine) throw DomainError.notFound('This item');
    return mine;
  }

  /** Every rating of an item with its comment, and the whole spread of faces. */
  async ratingsOf(actor: Actor, itemId: string): Promise<ItemRatingsResponse> {
    const em = this.db.manager;
    await reachItem(actor, em, itemId);
    const [item]: { youSaid: string }[] = await em.query(
      `SELECT COALESCE(young_words, words) AS "youSaid" FROM you_said_items WHERE id = $1`,
      [itemId],
    );
    const ratings: { id: string; rating: Rating; comment: string | null; ratedAt: Date }[] = await em.query(
      `SELECT id, rating, comment, rated_at AS "ratedAt" FROM response_ratings WHERE item_id = $1
        ORDER BY rated_at DESC, id`,
      [itemId],
    );
    return {
      itemId,
      youSaid: item.youSaid,
      faces: RATING_SCALE.map((face) => ({
        face,
        count: ratings.filter((r) => r.rating === face.value).length,
      })),
      ratings: ratings.map((r) => ({
        id: r.id,
        face: ratingFaceOf(r.rating),
        comment: r.comment,
        ratedAt: new Date(r.ratedAt).toISOString(),
      })),
    };
  }

  private answersOf(em: EntityManager, itemIds: readonly string[]): Promise<AnswerRow[]> {
    if (itemIds.length === 0) return Promise.resolve([]);
    return em.query(
      `SELECT aa.item_id AS "itemId", a.status, a.young_words AS words,
              CASE WHEN a.status = 'cant' THEN a.cant_reason END AS because
         FROM action_answers aa JOIN actions a ON a.id = aa.action_id
        WHERE aa.item_id = ANY($1::uuid[]) AND a.young_words IS NOT NULL
        ORDER BY aa.item_id, aa.linked_at, a.id`,
      [itemIds],
    );
  }
}
