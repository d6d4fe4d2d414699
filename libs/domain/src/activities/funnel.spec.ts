import { InvitationStatus } from '../invitations/invitation-status';
import { AgeBand } from '../young-people/age';
import { ServiceExperienceKind } from '../young-people/service-experience';
import { FunnelInvitation, funnelOf } from './funnel';

const S = InvitationStatus;
const { LookedAfter, CareLeaver, YoungCarer } = ServiceExperienceKind;

const inv = (status: InvitationStatus, extra: Partial<FunnelInvitation> = {}): FunnelInvitation => ({
  status,
  declineReason: null,
  ageBand: '13-15',
  serviceExperiences: [],
  ...extra,
});
const times = (n: number, make: () => FunnelInvitation) => Array.from({ length: n }, make);

describe('funnelOf', () => {
  it.each<
    [
      string,
      FunnelInvitation[],
      { invited: number; accepted: number; attended: number; declined: number; waitlisted: number },
    ]
  >([
    ['there are no invitations', [], { invited: 0, accepted: 0, attended: 0, declined: 0, waitlisted: 0 }],
    [
      'only drafts and withdrawn ones',
      [inv(S.Draft), inv(S.Withdrawn)],
      { invited: 0, accepted: 0, attended: 0, declined: 0, waitlisted: 0 },
    ],
    [
      'one sent, one handed over',
      [inv(S.Sent), inv(S.HandedOver)],
      { invited: 2, accepted: 0, attended: 0, declined: 0, waitlisted: 0 },
    ],
    ['someone came', [inv(S.Attended)], { invited: 1, accepted: 1, attended: 1, declined: 0, waitlisted: 0 }],
    [
      'someone said yes and did not come',
      [inv(S.DidNotAttend)],
      { invited: 1, accepted: 1, attended: 0, declined: 0, waitlisted: 0 },
    ],
    [
      'someone is waiting',
      [inv(S.Waitlisted)],
      { invited: 1, accepted: 0, attended: 0, declined: 0, waitlisted: 1 },
    ],
    [
      'someone said no',
      [inv(S.Declined)],
      { invited: 1, accepted: 0, attended: 0, declined: 1, waitlisted: 0 },
    ],
    [
      'the seed activity: 12 offered, 6 confirmed, 1 attended',
      [
        inv(S.Attended),
        ...times(3, () => inv(S.Accepted)),
        ...times(2, () => inv(S.DidNotAttend)),
        ...times(3, () => inv(S.Declined)),
        inv(S.Waitlisted),
        inv(S.Sent),
        inv(S.HandedOver),
        inv(S.Draft),
        inv(S.Withdrawn),
      ],
      { invited: 12, accepted: 6, attended: 1, declined: 3, waitlisted: 1 },
    ],
  ])('should count the stages when %s', (_name, invitations, expected) => {
    const { invited, accepted, attended, declined, waitlisted } = funnelOf(invitations);
    expect({ invited, accepted, attended, declined, waitlisted }).toEqual(expected);
  });

  it('should count decline reasons, most common first, with no reason counted as such', () => {
    const result = funnelOf([
      inv(S.Declined, { declineReason: 'School trip' }),
      inv(S.Declined, { declineReason: null }),
      inv(S.Declined, { declineReason: '  ' }),
      inv(S.Declined, { declineReason: 'Too far' }),
      inv(S.Declined, { declineReason: ' School trip ' }),
      inv(S.Declined, { declineReason: 'Busy' }),
      inv(S.Declined, { declineReason: null }),
      // A reason left on an invitation that was later accepted is not a decline.
      inv(S.Accepted, { declineReason: 'Too far' }),
    ]);
    expect(result.declineReasons).toEqual([
      { reason: 'No reason given', count: 3 },
      { reason: 'School trip', count: 2 },
      { reason: 'Busy', count: 1 },
      { reason: 'Too far', count: 1 },
    ]);
  });

  it('should split the stages by age band, leaving out ages outside every band', () => {
    const bands: (AgeBand | null)[] = ['10-12', '10-12', '16-17', null];
    const result = funnelOf([
      inv(S.Attended, { ageBand: bands[0] }),
      inv(S.Declined, { ageBand: bands[1] }),
      inv(S.Accepted, { ageBand: bands[2] }),
      inv(S.Attended, { ageBand: bands[3] }),
    ]);
    expect(result.byAgeBand).toEqual({
      '10-12': { invited: 2, accepted: 1, attended: 1 },
      '13-15': { invited: 0, accepted: 0, attended: 0 },
      '16-17': { invited: 1, accepted: 1, attended: 0 },
      '18-25': { invited: 0, accepted: 0, attended: 0 },
    });
    expect(result.invited).toBe(4);
  });

  it('should count someone under each of their experiences, once each', () => {
    const result = funnelOf([
      inv(S.Attended, { serviceExperiences: [LookedAfter, YoungCarer, LookedAfter] }),
      inv(S.Sent, { serviceExperiences: [LookedAfter] }),
      inv(S.Draft, { serviceExperiences: [CareLeaver] }),
    ]);
    expect(result.byServiceExperience[LookedAfter]).toEqual({ invited: 2, accepted: 1, attended: 1 });
    expect(result.byServiceExperience[YoungCarer]).toEqual({ invited: 1, accepted: 1, attended: 1 });
    expect(result.byServiceExperience[CareLeaver]).toEqual({ invited: 0, accepted: 0, attended: 0 });
    expect(Object.keys(result.byServiceExperience)).toHaveLength(Object.values(ServiceExperienceKind).length);
  });

  it('should never have more at a later stage than an earlier one', () => {
    const all = Object.values(InvitationStatus).map((s) => inv(s));
    const f = funnelOf(all);
    expect(f.accepted).toBeLessThanOrEqual(f.invited);
    expect(f.attended).toBeLessThanOrEqual(f.accepted);
  });
});
