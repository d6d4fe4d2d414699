import { Injectable, Logger } from '@nestjs/common';
import { todayInLondon } from '@heard/domain';
import { MorningMailJob } from '../../platform/jobs/morning-mail-job';
import { notePledge } from './pledges.queries';

interface WonReminder {
  pledgeId: string;
  dueOn: string;
  userId: string;
  email: string;
  displayName: string;
  forum: string;
  madeOn: string;
  words: string;
}

const SHORT = 160;
const shorten = (words: string) => (words.length > SHORT ? `${words.slice(0, SHORT - 1)}…` : words);

/**
 * Reminds a leader before a pledge's update is due (issue 13 §2, docs/pledges.md "Reminders"):
 * from CHASE_HOUR, UK time, each active pledge whose reminder day (pledgeRemindOn, kept in
 * pledges.remind_on) has come gets one email for its due date. The reminder is claimed by
 * inserting its row into pledge_reminders (keyed by pledge and due date) in the transaction that
 * queues the mail, so however many API processes run the job, the leader hears once per due date.
 */
@Injectable()
export class PledgeReminderJob extends MorningMailJob {
  protected readonly logger = new Logger('PledgeReminderJob');

  /** Queues the reminders come due by `now` that no process has sent; returns how many. */
  async runOnce(now: Date = this.clock.now()): Promise<number> {
    const today = todayInLondon(now);
    return this.db.transaction(async (em) => {
      // The INSERT claims each reminder: a second process inserting the same key waits for this
      // transaction, then finds the row and skips it. In key order, so two never deadlock.
      const won: WonReminder[] = await em.query(
        `WITH won AS (
           INSERT INTO pledge_reminders (pledge_id, due_on, user_id, sent_on)
           SELECT p.id, p.next_update_due, p.made_by, $1::date
             FROM pledges p JOIN users u ON u.id = p.made_by
            WHERE p.status = 'active' AND p.remind_on <= $1::date AND u.status = 'active' AND u.email IS NOT NULL
            ORDER BY p.id, p.next_update_due
           ON CONFLICT DO NOTHING
           RETURNING pledge_id, due_on, user_id)
         SELECT w.pledge_id AS "pledgeId", w.due_on::text AS "dueOn", w.user_id AS "userId", u.email,
                u.display_name AS "displayName", p.forum, p.made_on::text AS "madeOn", p.words
           FROM won w JOIN users u ON u.id = w.user_id JOIN pledges p ON p.id = w.pledge_id
          ORDER BY w.pledge_id`,
        [today],
      );
      for (const r of won) {
        const mailId = await this.mail.enqueue(em, {
          kind: 'pledge_update_due',
          to: r.email,
          subject: `Heard: an update on your pledge is due on ${r.dueOn}`,
          text: [
            `Hello ${r.displayName},`,
            '',
            `An update on the pledge you made at ${r.forum} on ${r.madeOn} is due on ${r.dueOn}:`,
            `“${shorten(r.words)}”`,
            '',
            'Say what has happened since, with any evidence, and whether it is red, amber or green.',
            `Your pledge: ${this.config.publicUrl}/pledges/${r.pledgeId}`,
            '',
            'Heard sends this reminder once for each update that is due.',
          ].join('\n'),
          related: { type: 'pledge', id: r.pledgeId },
        });
        await em.query(`UPDATE pledge_reminders SET mail_id = $1 WHERE pledge_id = $2 AND due_on = $3`, [
          mailId,
          r.pledgeId,
          r.dueOn,
        ]);
        await notePledge(em, r.pledgeId, 'reminded', null, { dueOn: r.dueOn, onDate: today });
      }
      return won.length;
    });
  }
}
