import { Inject, Injectable } from '@nestjs/common';
import {
  AuditAction,
  AuditRecordType,
  CONTACTS_TOLD_MESSAGE,
  NO_CONTACTS_RAISED_MESSAGE,
  Page,
  Role,
  WorryRaisedResponse,
  WorryResponse,
  WorryToRaise,
  worryWordsSchema,
} from '@heard/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AccessPolicy } from '../../platform/access/young-person-access';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { Clock } from '../../platform/clock';
import { APP_CONFIG, AppConfig } from '../../platform/config/config';
import { DomainError } from '../../platform/errors/domain-error';
import { MailService } from '../../platform/mail/mail.service';
import { loadOccasion } from '../occasions/occasion-facts';
import { worryMail } from './worry-mail';
import {
  activeSafeguardingContacts,
  countWorries,
  isActiveSafeguardingContact,
  selectWorries,
  selectWorry,
} from './worries.queries';

/** More than this waiting is a crisis the worries list handles; the home page shows the newest. */
const HOME_WAITING_LIMIT = 50;

const ONLY_CONTACTS = 'Only safeguarding contacts can see worries.';

/**
 * Worries (docs/worries.md): raised from anywhere through `raise`, sent at once to every active
 * safeguarding contact, read and acknowledged only by them. Every read is audited; the words never
 * go into an audit row, a log, a list other than the contacts' own, an export or a count.
 */
@Injectable()
export class WorriesService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly access: AccessPolicy,
    private readonly mail: MailService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The one way any feature raises a worry: records it and queues one email per active
   * safeguarding contact, in `em`'s transaction when given (so the worry commits with the
   * evaluation or answer it came from), else in its own.
   *
   * `by` is the signed-in person raising it, or null for a young person answering through a round
   * link. A member of staff may name only a young person the access policy lets them reach; with
   * no staff actor (a round link, a young expert's own pages) the calling feature has already
   * established who the young person is, if anyone.
   */
  async raise(by: Actor | null, worry: WorryToRaise, em?: EntityManager): Promise<WorryRaisedResponse> {
    if (!em) return this.db.transaction((tx) => this.raise(by, worry, tx));
    // Callers validate their own input; this guards the table's rule for every caller alike.
    const words = worryWordsSchema.safeParse(worry.words);
    if (!words.success) throw DomainError.validation('words', words.error.issues[0].message);
    if (worry.youngPersonId && by && by.role !== Role.YoungExpert) {
      const unreachable = await this.access.unreachable(by, em, [worry.youngPersonId]);
      if (unreachable.size > 0)
        throw DomainError.validation(
          'youngPersonId',
          'This young person was not found among those you work with. Raise the worry without naming them, and say who it is about in the words.',
        );
    }
    const raisedAt = this.clock.now();
    const [{ id }]: { id: string }[] = await em.query(
      `INSERT INTO worries (words, source_kind, source_id, occasion_kind, occasion_id, young_person_id, raised_by, raised_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        words.data,
        worry.source.kind,
        worry.source.id,
        worry.occasion?.kind ?? null,
        worry.occasion?.id ?? null,
        worry.youngPersonId,
        by?.userId ?? null,
        raisedAt,
      ],
    );
    const [contacts, youngPerson, raiser, occasion] = await Promise.all([
      activeSafeguardingContacts(em),
      worry.youngPersonId
        ? (em.query(`SELECT preferred_name AS name FROM young_people WHERE id = $1`, [
            worry.youngPersonId,
          ]) as Promise<{ name: string }[]>)
        : Promise.resolve([]),
      by
        ? (em.query(`SELECT display_name AS name FROM users WHERE id = $1`, [by.userId]) as Promise<
            { name: string }[]
          >)
        : Promise.resolve([]),
      worry.occasion ? loadOccasion(em, worry.occasion) : Promise.resolve(null),
    ]);
    for (const contact of contacts) {
      await this.mail.enqueue(
        em,
        worryMail({
          worryId: id,
          to: contact.email,
          contactName: contact.displayName,
          youngPersonName: youngPerson[0]?.name ?? null,
          source: worry.source,
          occasion: worry.occasion,
          occasionTitle: occasion ? [occasion.title, occasion.date].filter(Boolean).join(', ') : null,
          raisedAt,
          raisedByName: raiser[0]?.name ?? null,
          words: words.data,
          link: `${this.config.publicUrl}/worries/${id}`,
        }),
      );
    }
    await this.audit.for(by).record(em, {
      action: AuditAction.Create,
      type: AuditRecordType.Worry,
      id,
      detail: { source: worry.source.kind, contactsTold: contacts.length },
    });
    return {
      id,
      raisedAt: raisedAt.toISOString(),
      contactsTold: contacts.length,
      message: contacts.length === 0 ? NO_CONTACTS_RAISED_MESSAGE : CONTACTS_TOLD_MESSAGE(contacts.length),
    };
  }

  /** The contacts' list, waiting ones first. Audited as one read naming how many were shown. */
  async list(actor: Actor, page: { page: number; pageSize: number }): Promise<Page<WorryResponse>> {
    await this.assertContact(actor, null);
    return this.db.transaction(async (em) => {
      const [items, counts] = await Promise.all([selectWorries(em, page), countWorries(em)]);
      await this.audit.for(actor).record(em, {
        action: AuditAction.Read,
        type: AuditRecordType.Worry,
        id: null,
        detail: { event: 'list', shown: items.length, waiting: counts.waiting },
      });
      return { items, total: counts.total, page: page.page, pageSize: page.pageSize };
    });
  }

  /** One worry; every read is audited, each time. */
  async get(actor: Actor, id: string): Promise<WorryResponse> {
    await this.assertContact(actor, id);
    return this.db.transaction(async (em) => {
      const worry = await selectWorry(em, id);
      if (!worry) throw DomainError.notFound('This worry');
      await this.audit.for(actor).record(em, { action: AuditAction.Read, type: AuditRecordType.Worry, id });
      return worry;
    });
  }

  /** A named contact says they have it. Once: a second acknowledgement is refused, not overwritten. */
  async acknowledge(actor: Actor, id: string, note: string | null): Promise<WorryResponse> {
    await this.assertContact(actor, id);
    return this.db.transaction(async (em) => {
      const [row]: { acknowledged_at: Date | null }[] = await em.query(
        `SELECT acknowledged_at FROM worries WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!row) throw DomainError.notFound('This worry');
      if (row.acknowledged_at) {
        const worry = await selectWorry(em, id);
        throw new DomainError(
          'conflict',
          `${worry?.acknowledgedBy?.displayName ?? 'Another contact'} has already acknowledged this worry.`,
        );
      }
      await em.query(
        `UPDATE worries SET acknowledged_by = $2, acknowledged_at = $3, acknowledgement_note = $4 WHERE id = $1`,
        [id, actor.userId, this.clock.now(), note],
      );
      await this.audit.for(actor).record(em, {
        action: AuditAction.Update,
        type: AuditRecordType.Worry,
        id,
        detail: { event: 'acknowledge', withNote: note !== null },
      });
      return (await selectWorry(em, id)) as WorryResponse;
    });
  }

  /**
   * The worries waiting for acknowledgement, for a contact's home page; null for anyone who is not
   * a contact. Showing them is a read of their words, so it is audited like any other.
   */
  async waitingFor(actor: Actor, em: EntityManager = this.db.manager): Promise<WorryResponse[] | null> {
    if (!(await isActiveSafeguardingContact(em, actor.userId))) return null;
    const waiting = await selectWorries(em, { page: 1, pageSize: HOME_WAITING_LIMIT }, true);
    if (waiting.length > 0)
      await this.audit.for(actor).record(em, {
        action: AuditAction.Read,
        type: AuditRecordType.Worry,
        id: null,
        detail: { event: 'home', shown: waiting.length },
      });
    return waiting;
  }

  /** Whether any active account would receive a worry now (administrators are warned if not). */
  async anyContact(em: EntityManager = this.db.manager): Promise<boolean> {
    return (await activeSafeguardingContacts(em)).length > 0;
  }

  /**
   * 403 unless the actor is an active safeguarding contact now; a refusal is audited. Checked
   * before the command's transaction opens, so the record of a refused attempt is kept.
   */
  private async assertContact(actor: Actor, worryId: string | null): Promise<void> {
    if (await isActiveSafeguardingContact(this.db.manager, actor.userId)) return;
    await this.audit.for(actor).record(null, {
      action: AuditAction.AccessRefused,
      type: AuditRecordType.Worry,
      id: worryId,
    });
    throw new DomainError('forbidden', ONLY_CONTACTS);
  }
}
