import { COUNTS_AS_INVITED, InvitationStatus, SAID_YES } from '../invitations/invitation-status';
import { AGE_BANDS, AgeBand } from '../young-people/age';
import { ServiceExperienceKind } from '../young-people/service-experience';

export interface FunnelInvitation {
  status: InvitationStatus;
  declineReason: string | null;
  /** Their band on the day of the thing; null when their age is outside every band. */
  ageBand: AgeBand | null;
  /** Their current experiences on the day of the thing. */
  serviceExperiences: readonly ServiceExperienceKind[];
}

export interface FunnelStage {
  invited: number;
  accepted: number;
  attended: number;
}

export interface Funnel extends FunnelStage {
  declined: number;
  waitlisted: number;
  declineReasons: { reason: string; count: number }[];
  byAgeBand: Record<AgeBand, FunnelStage>;
  byServiceExperience: Record<ServiceExperienceKind, FunnelStage>;
}

const NO_DECLINE_REASON = 'No reason given';

const emptyStage = (): FunnelStage => ({ invited: 0, accepted: 0, attended: 0 });

/**
 * Invited → accepted → attended, each stage a subset of the one before, so the figures read as a
 * funnel ("12 offered, 6 confirmed, 1 attended"). Someone who turned up without saying yes counts
 * as having accepted.
 */
export function funnelOf(invitations: readonly FunnelInvitation[]): Funnel {
  const funnel: Funnel = {
    ...emptyStage(),
    declined: 0,
    waitlisted: 0,
    declineReasons: [],
    byAgeBand: Object.fromEntries(AGE_BANDS.map((b) => [b, emptyStage()])) as Record<AgeBand, FunnelStage>,
    byServiceExperience: Object.fromEntries(
      Object.values(ServiceExperienceKind).map((k) => [k, emptyStage()]),
    ) as Record<ServiceExperienceKind, FunnelStage>,
  };
  const reasons = new Map<string, number>();

  for (const inv of invitations) {
    if (!COUNTS_AS_INVITED.has(inv.status)) continue;
    const stages: FunnelStage[] = [funnel];
    if (inv.ageBand !== null) stages.push(funnel.byAgeBand[inv.ageBand]);
    for (const kind of new Set(inv.serviceExperiences)) stages.push(funnel.byServiceExperience[kind]);
    const attended = inv.status === InvitationStatus.Attended;
    const accepted = attended || SAID_YES.has(inv.status);
    for (const stage of stages) {
      stage.invited++;
      if (accepted) stage.accepted++;
      if (attended) stage.attended++;
    }
    if (inv.status === InvitationStatus.Waitlisted) funnel.waitlisted++;
    if (inv.status === InvitationStatus.Declined) {
      funnel.declined++;
      const reason = inv.declineReason?.trim() || NO_DECLINE_REASON;
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
  }

  funnel.declineReasons = [...reasons]
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason, 'en-GB'));
  return funnel;
}
