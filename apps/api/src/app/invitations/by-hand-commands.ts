import { Injectable } from '@nestjs/common';
import { AuditAction, AuditRecordType, InvitationResponse, OUT_AND_LIVE, todayInLondon } from '@heard/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AccessPolicy } from '../../platform/access/young-person-access';
import { AuditService } from '../../platform/audit/audit.service';
import { Actor } from '../../platform/auth/auth-context';
import { DomainError } from '../../platform/errors/domain-error';
import { Invitation } from './entities/invitation.entity';
import { InvitationReads } from './invitation-reads';
import { applyInvitationEvent, lockInvitation } from './invitation-steps';

/**
 * What people record having done by hand, where Heard could not: an invitation delivered, news
 * passed on, a letter handed over, a parent or carer phoned. Each is one transaction with its audit
 * row, and a double tap changes nothing or is refused plainly.
 */
@Injectable()
export class ByHandCommands {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly reads: InvitationReads,
    private readonly access: AccessPolicy,
  ) {}

  /** An officer records that an invitation to deliver reached the young person (they phoned, met them…). */
  async delivered(actor: Actor, id: string): Promise<InvitationResponse> {
    return this.record(actor, id, async (em, invitation) => {
      const next = applyInvitationEvent(invitation, 'deliver');
      if (next === invitation.status) return null; // Recorded already: a double tap changes nothing.
      await em.update(Invitation, { id }, { status: next, deliveredAt: new Date(), updatedAt: new Date() });
      return { event: 'deliver' };
    });
  }

  /** Someone passed on, by hand, the news that was waiting on the "tell by hand" list. */
  async told(actor: Actor, id: string): Promise<InvitationResponse> {
    return this.record(actor, id, async (em, invitation) => {
      if (!invitation.toTell)
        throw new DomainError('conflict', 'There is nothing waiting to be told about this invitation.');
      await em.update(Invitation, { id }, { toTell: null, toTellSince: null, updatedAt: new Date() });
      return { event: 'told', news: invitation.toTell };
    });
  }

  /** A trusted adult (or an officer for them) says the invitation has been handed over. */
  async handedOver(actor: Actor, id: string): Promise<InvitationResponse> {
    return this.record(actor, id, async (em, invitation) => {
      const next = applyInvitationEvent(invitation, 'hand_over');
      await em.update(Invitation, { id }, { status: next, handedOverAt: new Date(), updatedAt: new Date() });
      return { event: 'hand_over' };
    });
  }

  /** An officer phoned the parent or carer who gets a copy of this invitation. */
  async parentCarerTold(actor: Actor, id: string): Promise<InvitationResponse> {
    return this.record(actor, id, async (em, invitation) => {
      // The same rule as the list it serves: out, not taken back, and its day still to come.
      if (
        invitation.parentCarerCopy !== 'phone' ||
        !OUT_AND_LIVE.has(invitation.status) ||
        invitation.eventDate < todayInLondon()
      )
        throw new DomainError('conflict', 'Nobody is waiting for a phone call about this invitation.');
      if (invitation.parentCarerToldAt) return null; // Recorded already: a double tap changes nothing.
      await em.update(
        Invitation,
        { id },
        { parentCarerToldAt: new Date(), parentCarerNews: null, updatedAt: new Date() },
      );
      return {
        event: 'parent_carer_told',
        ...(invitation.parentCarerNews ? { news: invitation.parentCarerNews } : {}),
      };
    });
  }

  /** Checks access, locks, applies `change`, and audits what it returns (null: nothing changed). */
  private async record(
    actor: Actor,
    id: string,
    change: (em: EntityManager, invitation: Invitation) => Promise<Record<string, string> | null>,
  ): Promise<InvitationResponse> {
    await this.access.assertMayChange(actor, this.db.manager, { invitation: id });
    await this.db.transaction(async (em) => {
      const detail = await change(em, await lockInvitation(em, id));
      if (detail)
        await this.audit.for(actor).record(em, {
          action: AuditAction.Update,
          type: AuditRecordType.Invitation,
          id,
          detail,
        });
    });
    return this.reads.one(id);
  }
}
