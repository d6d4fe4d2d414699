import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { InvitationChannel, InvitationStatus, Role, addDays, todayInLondon } from '@heard/domain';
import type { HandoverListItem, InvitationResponse } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import { signInAs } from '../../testing/session';
import {
  ADULT_ID,
  OTHER_PERSON_ID,
  PERSON_ID,
  byLabel,
  byName,
  problemBody,
  textOf,
  typeInto,
} from '../../testing/fixtures';
import HandoverPage from './handover-page';

const LETTER_ID = '66666666-6666-4666-8666-666666666666';
const IN_PERSON_ID = '77777777-7777-4777-8777-777777777777';
const TRIP = {
  kind: 'activity_day' as const,
  id: '88888888-8888-4888-8888-888888888888',
  title: 'Climbing trip',
  date: '2026-07-04',
};

function item(overrides: Partial<HandoverListItem> = {}): HandoverListItem {
  return {
    invitationId: LETTER_ID,
    youngPerson: { id: PERSON_ID, preferredName: 'Sam' },
    target: TRIP,
    channel: InvitationChannel.Letter,
    status: InvitationStatus.Draft,
    letterUrl: `/api/invitations/${LETTER_ID}/letter`,
    createdAt: '2026-06-01T09:00:00Z',
    handedOverAt: null,
    ...overrides,
  };
}

const ITEMS: HandoverListItem[] = [
  item(),
  item({
    invitationId: IN_PERSON_ID,
    youngPerson: { id: OTHER_PERSON_ID, preferredName: 'Ali' },
    target: {
      kind: 'review_meeting',
      id: '99999999-9999-4999-8999-999999999999',
      title: 'Your review meeting',
      date: '2026-06-20',
    },
    channel: InvitationChannel.InPerson,
    status: InvitationStatus.Accepted,
    letterUrl: null,
    handedOverAt: '2026-06-02T14:00:00Z',
  }),
];

function invitation(overrides: Partial<InvitationResponse> = {}): InvitationResponse {
  return {
    id: LETTER_ID,
    target: TRIP,
    youngPerson: { id: PERSON_ID, preferredName: 'Sam' },
    channel: InvitationChannel.Letter,
    status: InvitationStatus.HandedOver,
    viaTrustedAdult: { id: ADULT_ID, displayName: 'Pat Worker' },
    outsideCohort: false,
    outsideCohortReason: null,
    declineReason: null,
    mail: null,
    answeredAt: null,
    handedOverAt: '2026-06-05T11:00:00Z',
    deliveredAt: null,
    toTell: null,
    parentCarer: null,
    createdAt: '2026-06-01T09:00:00Z',
    ...overrides,
  };
}

describe('HandoverPage', () => {
  let fixture: ComponentFixture<HandoverPage>;
  let el: HTMLElement;
  let http: HttpTestingController;

  async function open(
    answer: HandoverListItem[] | { status: number; detail: string } = ITEMS,
  ): Promise<void> {
    TestBed.configureTestingModule({
      imports: [HandoverPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    await signInAs(Role.Practitioner, { id: ADULT_ID, displayName: 'Pat Worker' });
    fixture = TestBed.createComponent(HandoverPage);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    expect(el.querySelector('mat-progress-bar')?.getAttribute('aria-label')).toBe(
      'Loading invitations to hand over',
    );
    const req = http.expectOne({ method: 'GET', url: '/api/handover' });
    if (Array.isArray(answer)) req.flush(answer);
    else
      req.flush(problemBody(answer.status, answer.detail), { status: answer.status, statusText: 'Problem' });
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  const cards = () => Array.from(el.querySelectorAll<HTMLElement>('li.card'));

  it('lists who, what, when, how and status, with a print link for letters, and no axe violations', async () => {
    await open();
    expect(textOf(el.querySelector('h1'))).toBe('To hand over');
    const [sam, ali] = cards();
    expect(textOf(sam.querySelector('h2'))).toBe('Sam: Climbing trip');
    expect(textOf(sam.querySelector('dl'))).toBe(
      'WhatActivity dayWhen4 July 2026HowLetterStatusNot sent yet',
    );
    const print = sam.querySelector<HTMLAnchorElement>('a');
    expect(print?.getAttribute('href')).toBe(`/api/invitations/${LETTER_ID}/letter`);
    expect(print?.getAttribute('target')).toBe('_blank');
    expect(textOf(print)).toBe('Print letter for Sam (opens in a new tab)');
    expect(textOf(sam.querySelector('button'))).toBe('Mark as handed over to Sam');

    expect(textOf(ali.querySelector('h2'))).toBe('Ali: Your review meeting');
    expect(textOf(ali.querySelector('.done'))).toBe('Handed over on 2 June 2026.');
    expect(ali.querySelector('a, button')).toBeNull();
    expect(await axeViolations(el)).toEqual([]);
  });

  it('marks one as handed over and shows when', async () => {
    await open();
    byName(el, 'Mark as handed over to Sam').click();
    await fixture.whenStable();
    const req = http.expectOne({ method: 'POST', url: `/api/invitations/${LETTER_ID}/handed-over` });
    expect(req.request.body).toEqual({});
    req.flush(invitation());
    await fixture.whenStable();
    const sam = cards()[0];
    expect(textOf(sam.querySelector('.done'))).toBe('Handed over on 5 June 2026.');
    expect(textOf(sam.querySelector('dl'))).toContain('StatusHanded over, no answer yet');
    expect(sam.querySelector('button')).toBeNull();
    expect(textOf(el.querySelector('[role="status"]'))).toBe(
      'Marked as handed over to Sam. They can now answer it themselves.',
    );
  });

  it('shows why marking failed, on that invitation', async () => {
    await open();
    byName(el, 'Mark as handed over to Sam').click();
    http
      .expectOne(`/api/invitations/${LETTER_ID}/handed-over`)
      .flush(problemBody(409, 'This invitation has been withdrawn.'), {
        status: 409,
        statusText: 'Conflict',
      });
    await fixture.whenStable();
    expect(textOf(cards()[0].querySelector('[role="alert"]'))).toBe('This invitation has been withdrawn.');
    expect(cards()[0].querySelector('.done')).toBeNull();
  });

  describe('recording the answer they gave', () => {
    const soon = addDays(todayInLondon(), 10);
    const HANDED = item({
      status: InvitationStatus.HandedOver,
      handedOverAt: '2026-06-02T14:00:00Z',
      target: { ...TRIP, date: soon },
    });
    const TO_DELIVER = item({
      invitationId: IN_PERSON_ID,
      youngPerson: { id: OTHER_PERSON_ID, preferredName: 'Ali' },
      channel: InvitationChannel.InPerson,
      status: InvitationStatus.ToDeliver,
      letterUrl: null,
      target: { ...TRIP, date: soon },
    });

    async function openForm(name: string): Promise<HTMLFormElement> {
      byName(el, `Record their answer for ${name}`).click();
      await fixture.whenStable();
      const form = el.querySelector<HTMLFormElement>('form.answer-form');
      if (!form) throw new Error('No answer form');
      return form;
    }

    it('shows the status as it is, and offers the answer once it can be given, with no axe violations', async () => {
      await open([HANDED, TO_DELIVER]);
      const [sam, ali] = cards();
      expect(textOf(sam.querySelector('dl'))).toContain('StatusHanded over, no answer yet');
      expect(textOf(ali.querySelector('dl'))).toContain('StatusTo deliver: not told yet');
      expect(textOf(ali.querySelector('button'))).toBe('Mark as handed over to Ali');
      const form = await openForm('Sam');
      expect(byName(el, 'Record their answer for Sam').getAttribute('aria-expanded')).toBe('true');
      expect(Array.from(form.querySelectorAll('mat-radio-button')).map(textOf)).toEqual([
        'They said yes',
        'They said no',
      ]);
      expect(await axeViolations(el)).toEqual([]);
    });

    it('saves a yes, shows the new status and says so', async () => {
      await open([HANDED, TO_DELIVER]);
      const form = await openForm('Sam');
      byLabel(form, 'They said yes').click();
      byName(form, 'Save their answer').click();
      const req = http.expectOne({ method: 'POST', url: `/api/invitations/${LETTER_ID}/answer` });
      expect(req.request.body).toEqual({ answer: 'yes' });
      req.flush(invitation({ status: InvitationStatus.Accepted }));
      await fixture.whenStable();
      expect(textOf(cards()[0].querySelector('dl'))).toContain('StatusComing');
      expect(el.querySelector('form.answer-form')).toBeNull();
      expect(textOf(el.querySelector('[role="status"]'))).toBe("Saved Sam's answer. Status: Coming.");
    });

    it('saves a no with their reason', async () => {
      await open([HANDED, TO_DELIVER]);
      const form = await openForm('Ali');
      byLabel(form, 'They said no').click();
      await fixture.whenStable();
      typeInto(byLabel<HTMLTextAreaElement>(form, 'Why not'), '  Football practice that day ');
      byName(form, 'Save their answer').click();
      const req = http.expectOne({ method: 'POST', url: `/api/invitations/${IN_PERSON_ID}/answer` });
      expect(req.request.body).toEqual({ answer: 'no', reason: 'Football practice that day' });
      req.flush(invitation({ id: IN_PERSON_ID, status: InvitationStatus.Declined, handedOverAt: null }));
      await fixture.whenStable();
      expect(textOf(cards()[1].querySelector('dl'))).toContain('StatusNot coming');
      expect(cards()[1].querySelector('.done')).toBeNull();
      expect(textOf(el.querySelector('[role="status"]'))).toBe("Saved Ali's answer. Status: Not coming.");
    });

    it('asks for yes or no before sending anything, and shows a refusal in the form', async () => {
      await open([HANDED]);
      const form = await openForm('Sam');
      byName(form, 'Save their answer').click();
      await fixture.whenStable();
      expect(textOf(form.querySelector('.field-error'))).toBe('Choose yes or no.');
      http.expectNone(`/api/invitations/${LETTER_ID}/answer`);

      byLabel(form, 'They said yes').click();
      byName(form, 'Save their answer').click();
      http
        .expectOne(`/api/invitations/${LETTER_ID}/answer`)
        .flush(problemBody(409, 'They cannot say yes to this invitation now.'), {
          status: 409,
          statusText: 'Conflict',
        });
      await fixture.whenStable();
      expect(textOf(form.querySelector('[role="alert"]'))).toBe(
        'They cannot say yes to this invitation now.',
      );
    });

    it('offers no answer once the day has passed', async () => {
      await open([{ ...HANDED, target: TRIP }]);
      expect(cards()[0].querySelector('button')).toBeNull();
    });
  });

  it('says when there is nothing to hand over', async () => {
    await open([]);
    expect(textOf(el.querySelector('heard-empty-state h2'))).toBe('Nothing to hand over right now.');
    expect(await axeViolations(el)).toEqual([]);
  });

  it('says when the list cannot be loaded', async () => {
    await open({ status: 500, detail: 'Something went wrong on our side.' });
    expect(textOf(el.querySelector('[role="alert"]'))).toBe('Something went wrong on our side.');
  });
});
