import { ActivityCohort, cohortProblems } from '../activities/cohort';
import { IsoDate } from '../shared/dates';
import { ServiceExperiencePeriod } from '../young-people/service-experience';
import { ContactPreferences, ParticipationPreference } from '../young-people/young-people.contract';
import { OCCASION_KINDS, OCCASION_KIND_LABELS, OccasionKind } from '../occasions/occasion';
import { InvitationChannel, agreedChannels } from './channels';

/** Every kind of occasion takes invitations. */
export type InvitationTargetKind = OccasionKind;
export const INVITATION_TARGET_KINDS = OCCASION_KINDS;
export const INVITATION_TARGET_LABELS = OCCASION_KIND_LABELS;

export interface InviteeCandidate {
  id: string;
  preferredName: string;
  dateOfBirth: IsoDate;
  serviceExperiences: readonly ServiceExperiencePeriod[];
  groupIds: string[];
  contact: ContactPreferences;
  participationPreference: ParticipationPreference;
  /** Their linked trusted adults, in the order they were linked. */
  trustedAdultIds: string[];
  alreadyInvited: boolean;
}

export interface InviteTarget {
  kind: InvitationTargetKind;
  /** One-to-ones and reviews have no cohort of their own: pass OPEN_COHORT. */
  cohort: ActivityCohort;
  on: IsoDate;
}

export interface SuggestedInvitee {
  id: string;
  channel: InvitationChannel;
  viaTrustedAdultId: string | null;
  note?: string;
}

export interface InviteSuggestions {
  suggested: SuggestedInvitee[];
  offerOneToOne: { id: string; reason: string }[];
  notSuggested: { id: string; reason: string }[];
}

const GROUP_TARGETS: ReadonlySet<InvitationTargetKind> = new Set(['activity_day', 'group_session']);

const byName = (a: InviteeCandidate, b: InviteeCandidate) =>
  a.preferredName.localeCompare(b.preferredName, 'en-GB') || a.id.localeCompare(b.id);

/**
 * Who to invite and how, and who not and why. Someone outside the cohort is never suggested, but
 * the officer may still invite them with a reason. The first linked trusted adult is proposed for
 * those only reachable through one; the officer can pick another.
 */
export function suggestInvitees(
  candidates: readonly InviteeCandidate[],
  target: InviteTarget,
): InviteSuggestions {
  const result: InviteSuggestions = { suggested: [], offerOneToOne: [], notSuggested: [] };
  for (const c of [...candidates].sort(byName)) {
    if (c.alreadyInvited) {
      result.notSuggested.push({ id: c.id, reason: 'Already invited.' });
      continue;
    }
    const problems = cohortProblems(c, target.cohort, target.on);
    if (problems.length > 0) {
      result.notSuggested.push({ id: c.id, reason: problems.join(' ') });
      continue;
    }
    const viaTrustedAdult = c.contact.onlyViaTrustedAdult;
    const trustedAdultId = c.trustedAdultIds[0] ?? null;
    if (viaTrustedAdult && trustedAdultId === null) {
      result.notSuggested.push({
        id: c.id,
        reason:
          'They are only contacted through a trusted adult, and none is linked to them. Link one on their record first, then invite them.',
      });
      continue;
    }
    if (GROUP_TARGETS.has(target.kind) && c.participationPreference === 'one_to_one') {
      result.offerOneToOne.push({ id: c.id, reason: 'They prefer to take part one-to-one.' });
      continue;
    }
    // Never empty: in person is always agreed, and through a trusted adult a letter or in person is.
    const channel = agreedChannels(c.contact, viaTrustedAdult)[0];
    result.suggested.push(
      viaTrustedAdult
        ? {
            id: c.id,
            channel,
            viaTrustedAdultId: trustedAdultId,
            note: 'Only through a trusted adult, who hands it over.',
          }
        : channel === InvitationChannel.InPerson
          ? {
              id: c.id,
              channel,
              viaTrustedAdultId: null,
              note: 'No email, address or phone number agreed: invite them in person.',
            }
          : { id: c.id, channel, viaTrustedAdultId: null },
    );
  }
  return result;
}
