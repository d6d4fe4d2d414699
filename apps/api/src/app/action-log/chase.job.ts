import { Injectable, Logger } from '@nestjs/common';
import { ReminderKind, todayInLondon } from '@heard/domain';
import { EntityManager } from 'typeorm';
import { MorningMailJob } from '../../platform/jobs/morning-mail-job';
import { TimelineEntry, appendTimeline, itemsAnsweredBy } from './action-log-base';
import { dueRemindersSql } from './chase-rules.sql';

interface WonReminder {
  kind: ReminderKind;
  subjectId: string;
  userId: string;
  email: string;
  displayName: string;
  /** The action's or the item's words, and the action's due date. */
  words: string;
  dueOn: string | null;
}

const SHORT = 120;
const shorten = (words: string) => (words.length > SHORT ? `${words.slice(0, SHORT - 1)}…` : words);

function lineFor(r: WonReminder): string {
  switch (r.kind) {
    case 'we_will_overdue':
      return `A We will you own was due on ${r.dueOn}: “${shorten(r.words)}”`;
    case 'we_will_due':
      return `A We will you own is due on ${r.dueOn}: “${shorten(r.words)}”`;
    case 'not_acknowledged':
      return `Nobody has acknowledged this You said in time: “${shorten(r.words)}”`;
    case 'loop_not_closed':
      return `A We did is a month old and the young people who spoke have not been told: “${shorten(r.words)}”`;
  }
}

/**
 * The action log's daily chasing (docs/action-log.md "Chasing"): from CHASE_HOUR, UK time, it
 * emails action owners about We wills due within the week or overdue, and officers about items
 * not acknowledged in time and loops left open a month after the action was done. Each reminder
 * is claimed by inserting its row into action_log_reminders in the transaction that queues its
 * mail, so however many API processes run the job, nobody gets the same reminder twice in a day.
 */
@Injectable()
export class ChaseJob extends MorningMailJob {
  protected readonly logger = new Logger('ChaseJob');

  /** Queues the reminders due at `now` that no process has sent today; returns how many. */
  async runOnce(now: Date = this.clock.now()): Promise<number> {
    const today = todayInLondon(now);
    return this.db.transaction(async (em) => {
      // The INSERT claims each reminder: a second process inserting the same key waits for this
      // transaction, then finds the row and skips it.
      const won: WonReminder[] = await em.query(
        `WITH due AS (${dueRemindersSql('$1', '$2')}),
              won AS (
                INSERT INTO action_log_reminders (kind, subject_id, user_id, on_date)
                SELECT DISTINCT d.kind, d.subject_id, d.user_id, $1::date
                  FROM due d JOIN users u ON u.id = d.user_id
                 WHERE u.status = 'active' AND u.email IS NOT NULL
                 -- In key order, so two processes claiming at once queue on the same first row
                 -- rather than each holding a row the other waits for (a deadlock).
                 ORDER BY d.kind, d.subject_id, d.user_id
                ON CONFLICT DO NOTHING
                RETURNING kind, subject_id, user_id)
         SELECT w.kind, w.subject_id AS "subjectId", w.user_id AS "userId", u.email,
                u.display_name AS "displayName", coalesce(a.words, y.words) AS words, a.due_on::text AS "dueOn"
           FROM won w
           JOIN users u ON u.id = w.user_id
           LEFT JOIN actions a ON a.id = w.subject_id AND w.kind LIKE 'we_will%'
           LEFT JOIN you_said_items y ON y.id = w.subject_id AND w.kind NOT LIKE 'we_will%'
          ORDER BY w.user_id, w.kind, "dueOn", w.subject_id`,
        [today, now.toISOString()],
      );
      if (won.length === 0) return 0;
      await this.send(em, won, today);
      await this.noteOnTimelines(em, won, today);
      return won.length;
    });
  }

  /** One email a person: everything they are chased about today, in one list. */
  private async send(em: EntityManager, won: readonly WonReminder[], today: string): Promise<void> {
    const byUser = new Map<string, WonReminder[]>();
    for (const r of won) byUser.set(r.userId, [...(byUser.get(r.userId) ?? []), r]);
    for (const [userId, reminders] of byUser) {
      const first = reminders[0];
      const mailId = await this.mail.enqueue(em, {
        kind: 'action_log_reminder',
        to: first.email,
        subject:
          reminders.length === 1
            ? 'Heard: one thing in the action log needs you'
            : `Heard: ${reminders.length} things in the action log need you`,
        text: [
          `Hello ${first.displayName},`,
          '',
          ...reminders.map((r) => `- ${lineFor(r)}`),
          '',
          `Your queue: ${this.config.publicUrl}/action-log/queue`,
          '',
          'Heard sends this reminder once a day while something is waiting.',
        ].join('\n'),
        related: { type: 'user', id: userId },
      });
      await em.query(
        `UPDATE action_log_reminders SET mail_id = $1
          WHERE user_id = $2 AND on_date = $3 AND mail_id IS NULL`,
        [mailId, userId, today],
      );
    }
  }

  /** Each item's timeline says it was chased, and about what; never to whom by name. */
  private async noteOnTimelines(
    em: EntityManager,
    won: readonly WonReminder[],
    today: string,
  ): Promise<void> {
    const entries: TimelineEntry[] = [];
    for (const r of won) {
      const isAction = r.kind === 'we_will_due' || r.kind === 'we_will_overdue';
      const itemIds = isAction ? await itemsAnsweredBy(em, r.subjectId) : [r.subjectId];
      for (const itemId of itemIds)
        entries.push({
          itemId,
          actionId: isAction ? r.subjectId : null,
          event: 'reminded',
          detail: { kind: r.kind, userId: r.userId, onDate: today },
          byUserId: null,
        });
    }
    await appendTimeline(em, entries);
  }
}
