import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { InvitationChannel } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import InvitePage, { channelsFor, inviteeErrors } from './invite-page';
import {
  ACTIVITY_ID,
  ADULT_ID,
  OTHER_PERSON_ID,
  PERSON_ID,
  THIRD_PERSON_ID,
  activityResponse,
  byLabel,
  byName,
  invitation,
  problemBody,
  suggestionsResponse,
  textOf,
  typeInto,
} from '../../testing/activity-fixtures';

describe('inviteeErrors', () => {
  it('puts "invitees.N" errors on the person sent at N', () => {
    const problem = problemBody(400, 'No one was invited.', {
      'invitees.1.channel': ['They have not agreed to email: add their email address first.'],
      outsideCohortReason: ['Give a reason.'],
    });
    expect(inviteeErrors(problem, [{ youngPersonId: 'a' }, { youngPersonId: 'b' }])).toEqual({
      b: 'They have not agreed to email: add their email address first.',
    });
  });

  it('offers only the channels the young person agreed to, as the API judged them', () => {
    expect(channelsFor({ channels: [InvitationChannel.Letter, InvitationChannel.InPerson] })).toEqual([
      InvitationChannel.Letter,
      InvitationChannel.InPerson,
    ]);
    expect(channelsFor({ channels: [InvitationChannel.InPerson] })).toEqual([InvitationChannel.InPerson]);
  });
});

describe('InvitePage', () => {
  let fixture: ComponentFixture<InvitePage>;
  let el: HTMLElement;
  let http: HttpTestingController;
  let navigate: jest.SpyInstance;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [InvitePage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFormFieldDefaults(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    fixture = TestBed.createComponent(InvitePage);
    fixture.componentRef.setInput('id', ACTIVITY_ID);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    expect(el.querySelector('mat-progress-bar')?.getAttribute('aria-label')).toBe('Loading suggestions');
    http.expectOne(`/api/activities/${ACTIVITY_ID}`).flush(activityResponse({ date: '2027-07-03' }));
    http.expectOne(`/api/activities/${ACTIVITY_ID}/suggestions`).flush(suggestionsResponse());
    await fixture.whenStable();
    // How often each was asked for their views: Sam often, Ali never, Riley not counted.
    const asked = http.expectOne((r) => r.url === '/api/evaluations/how-often-asked');
    expect(asked.request.params.get('ids')?.split(',')).toEqual(
      expect.arrayContaining([PERSON_ID, OTHER_PERSON_ID]),
    );
    asked.flush([
      { youngPersonId: PERSON_ID, lastThreeMonths: 2, lastSixMonths: 3, lastTwelveMonths: 3 },
      { youngPersonId: OTHER_PERSON_ID, lastThreeMonths: 0, lastSixMonths: 0, lastTwelveMonths: 0 },
    ]);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  function expectInvite() {
    return http.expectOne({ method: 'POST', url: '/api/invitations' });
  }

  it('suggests young people, ticked, with how to reach them, and no axe violations', async () => {
    expect(textOf(el.querySelector('h1'))).toBe('Invite young people to Climbing wall day');
    expect(byLabel(el, 'Sam').checked).toBe(true);
    expect(byLabel(el, 'Ali').checked).toBe(true);
    expect(byLabel<HTMLSelectElement>(el, 'How to invite Sam').value).toBe('email');
    const ali = byLabel<HTMLSelectElement>(el, 'How to invite Ali');
    expect(ali.value).toBe('letter');
    expect(Array.from(ali.options).map((o) => textOf(o))).toEqual(['Letter', 'In person']);
    expect(el.textContent).toContain('Through Pat Worker, who hands it over.');
    expect(textOf(el.querySelector('[aria-labelledby="one-to-one-heading"]'))).toBe(
      'Riley: They prefer to take part one-to-one.',
    );
    expect(byName(el, 'Set up a one-to-one').getAttribute('href')).toBe('/one-to-ones');
    expect(byLabel(el, 'Invite Jodie anyway').checked).toBe(false);
    expect(el.textContent).toContain('They are 18; this is for ages 13 to 17.');
    // Already invited: listed with the reason, but not offered.
    expect(() => byLabel(el, 'Invite Kai anyway')).toThrow();
    expect(await axeViolations(el)).toEqual([]);
  });

  it('checks the choices, then sends everyone at once and goes back to the activity day', async () => {
    byLabel(el, 'Sam').click();
    await fixture.whenStable();
    byLabel(el, 'Sam').click();
    await fixture.whenStable();
    const sam = byLabel<HTMLSelectElement>(el, 'How to invite Sam');
    sam.value = 'whatsapp';
    sam.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    // Only Sam has a parent or carer on their record, so only Sam's line offers a copy.
    expect(Array.from(el.querySelectorAll('mat-checkbox')).map(textOf)).toContain(
      'Also tell Dana Carer, their parent or carer, by phone',
    );
    byLabel(el, 'Also tell Dana Carer, their parent or carer, by phone').click();
    await fixture.whenStable();
    byName(el, 'Continue to check (2 chosen)').click();
    await fixture.whenStable();
    expect(textOf(el.querySelector('h2'))).toBe('Step 2 of 2: Check and send');
    expect(Array.from(el.querySelectorAll('tbody tr')).map(textOf)).toEqual([
      'Sam WhatsApp, with a copy for Dana Carer No',
      'Ali Letter, handed over by Pat Worker No',
    ]);
    expect(await axeViolations(el)).toEqual([]);

    byName(el, 'Send 2 invitations').click();
    const req = expectInvite();
    expect(req.request.body).toEqual({
      target: { kind: 'activity_day', id: ACTIVITY_ID },
      invitees: [
        { youngPersonId: PERSON_ID, channel: 'whatsapp', viaTrustedAdultId: null, alsoToParentCarer: true },
        {
          youngPersonId: OTHER_PERSON_ID,
          channel: 'letter',
          viaTrustedAdultId: ADULT_ID,
          alsoToParentCarer: false,
        },
      ],
      send: true,
    });
    req.flush(
      {
        created: [
          invitation({ channel: InvitationChannel.WhatsApp, mail: null }),
          invitation({ id: 'i-2', channel: InvitationChannel.Letter, mail: null }),
        ],
      },
      { status: 201, statusText: 'Created' },
    );
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/activities', ACTIVITY_ID], {
      state: {
        status:
          '2 invitations are made. Print the letter from the list below. Invite the others by phone, WhatsApp, voice note or in person, as chosen.',
      },
    });
  });

  it('needs a reason to invite someone outside who the day is for', async () => {
    byLabel(el, 'Invite Jodie anyway').click();
    await fixture.whenStable();
    // Only what Jodie agreed to is offered, best first.
    const jodie = byLabel<HTMLSelectElement>(el, 'How to invite Jodie');
    expect(jodie.value).toBe('phone');
    expect(Array.from(jodie.options).map((o) => o.value)).toEqual(['phone', 'voice_note', 'in_person']);
    byName(el, 'Continue to check (3 chosen)').click();
    await fixture.whenStable();
    const reason = byLabel<HTMLTextAreaElement>(
      el,
      'Why you are inviting someone outside who the day is for',
    );
    expect(document.activeElement).toBe(reason);
    expect(textOf(reason.closest('mat-form-field')?.querySelector('mat-error'))).toBe(
      'Give a reason of at least a few words.',
    );
    typeInto(reason, 'Jodie helped plan the day.');
    byName(el, 'Continue to check (3 chosen)').click();
    await fixture.whenStable();
    expect(el.textContent).toContain('Your reason for inviting someone outside: Jodie helped plan the day.');
    byName(el, 'Send 3 invitations').click();
    const req = expectInvite();
    expect(req.request.body.outsideCohortReason).toBe('Jodie helped plan the day.');
    expect(req.request.body.invitees[2]).toEqual({
      youngPersonId: THIRD_PERSON_ID,
      channel: 'phone',
      viaTrustedAdultId: null,
      alsoToParentCarer: false,
    });
    req.flush({ created: [invitation()] }, { status: 201, statusText: 'Created' });
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalled();
  });

  it('shows a refusal next to the right person, and sends nothing', async () => {
    byName(el, 'Continue to check (2 chosen)').click();
    await fixture.whenStable();
    byName(el, 'Send 2 invitations').click();
    expectInvite().flush(
      problemBody(400, 'No one was invited: 1 invitation could not be made.', {
        'invitees.1.channel': [
          'They are only contacted through a trusted adult: use a letter or hand it over in person.',
        ],
      }),
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(navigate).not.toHaveBeenCalled();
    expect(textOf(el.querySelector('h2'))).toBe('Step 1 of 2: Choose who to invite');
    const alert = el.querySelector('heard-problem-alert [role="alert"]');
    expect(textOf(alert)).toContain('No one was invited');
    expect(textOf(alert?.querySelector('li'))).toBe(
      'Ali: How to invite: They are only contacted through a trusted adult: use a letter or hand it over in person.',
    );
    expect(document.activeElement).toBe(alert);
    const row = byLabel(el, 'Ali').closest('li');
    expect(textOf(row?.querySelector('.row-error'))).toBe(
      'Ali: They are only contacted through a trusted adult: use a letter or hand it over in person.',
    );
    expect(textOf(byLabel(el, 'Sam').closest('li')?.querySelector('.row-error'))).toBe('');
    expect(await axeViolations(el)).toEqual([]);
  });

  it('asks for at least one young person', async () => {
    byLabel(el, 'Sam').click();
    byLabel(el, 'Ali').click();
    await fixture.whenStable();
    byName(el, 'Continue to check (0 chosen)').click();
    await fixture.whenStable();
    expect(textOf(el.querySelector('#step-problem'))).toBe('Choose at least one young person to invite.');
  });

  it('shows how often each was asked, and puts the quieter voices first when asked to, with no axe violations', async () => {
    const suggestedNames = () =>
      Array.from(el.querySelectorAll('ul[aria-labelledby="suggested-heading"] > li')).map((li) =>
        textOf(li.querySelector('mat-checkbox label')),
      );
    const rowOf = (name: string) =>
      Array.from(el.querySelectorAll('ul[aria-labelledby="suggested-heading"] > li')).find(
        (li) => textOf(li.querySelector('mat-checkbox label')) === name,
      );
    expect(textOf(rowOf('Sam')?.querySelector('heard-how-often-asked'))).toBe(
      'Asked 2 times in 3 months (3 in 12 months)',
    );
    expect(textOf(rowOf('Ali')?.querySelector('heard-how-often-asked'))).toBe(
      'Not asked in the last 12 months',
    );
    expect(suggestedNames()).toEqual(['Sam', 'Ali']);
    byLabel(el, 'Show quieter voices first').click();
    await fixture.whenStable();
    expect(suggestedNames()).toEqual(['Ali', 'Sam']);
    expect(await axeViolations(el)).toEqual([]);
  });
});
