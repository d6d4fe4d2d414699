import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { InvitationChannel, InvitationStatus } from '@heard/domain';
import type { ByHandListResponse, InvitationResponse } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import {
  ADULT_ID,
  INVITATION_ID,
  OTHER_INVITATION_ID,
  OTHER_PERSON_ID,
  byName,
  invitation,
  problemBody,
  textOf,
} from '../../testing/activity-fixtures';
import ByHandPage, { changeInWords } from './by-hand-page';

const TOLD_ID = '12121212-1212-4212-8212-121212121212';

const BY_PHONE = invitation({
  channel: InvitationChannel.Phone,
  status: InvitationStatus.ToDeliver,
  mail: null,
});
const IN_PERSON = invitation({
  id: OTHER_INVITATION_ID,
  youngPerson: { id: OTHER_PERSON_ID, preferredName: 'Ali' },
  channel: InvitationChannel.InPerson,
  status: InvitationStatus.ToDeliver,
  viaTrustedAdult: { id: ADULT_ID, displayName: 'Pat Worker' },
  mail: null,
});
const MOVED = invitation({
  id: TOLD_ID,
  target: { kind: 'group_session', id: 'ab', title: 'Youth forum', date: '2026-07-11' },
  channel: InvitationChannel.WhatsApp,
  status: InvitationStatus.Accepted,
  mail: null,
  toTell: 'moved',
});

const COPY_ID = '14141414-1414-4414-8414-141414141414';
const PARENT_CARER = {
  invitation: invitation({
    id: COPY_ID,
    youngPerson: { id: OTHER_PERSON_ID, preferredName: 'Ali' },
    parentCarer: { name: 'Lee Parent', channel: 'phone', toldAt: null },
  }),
  parentCarer: { name: 'Lee Parent', relationship: 'Dad', phone: '07700 900222' },
  news: null,
};

describe('changeInWords', () => {
  it.each<[InvitationResponse['toTell'], string]>([
    ['moved', 'It has moved. It is now on 11 July 2026.'],
    ['cancelled', 'It is cancelled. It was on 11 July 2026.'],
    ['place_free', 'A place came free. They have a place now, on 11 July 2026.'],
    [null, ''],
  ])('%s → %s', (toTell, words) => {
    expect(changeInWords({ ...MOVED, toTell })).toBe(words);
  });
});

describe('ByHandPage', () => {
  let fixture: ComponentFixture<ByHandPage>;
  let el: HTMLElement;
  let http: HttpTestingController;

  async function open(
    answer: ByHandListResponse | { status: number; detail: string } = {
      toDeliver: [BY_PHONE, IN_PERSON],
      toTell: [MOVED],
      numbers: { '11111111-1111-4111-8111-111111111111': { phone: '07700 900123', whatsapp: null } },
      parentCarersToTell: [PARENT_CARER],
    },
  ): Promise<void> {
    TestBed.configureTestingModule({
      imports: [ByHandPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ByHandPage);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    expect(el.querySelector('mat-progress-bar')?.getAttribute('aria-label')).toBe(
      'Loading what to do by hand',
    );
    const req = http.expectOne({ method: 'GET', url: '/api/invitations/by-hand' });
    if ('toDeliver' in answer) req.flush(answer);
    else
      req.flush(problemBody(answer.status, answer.detail), { status: answer.status, statusText: 'Problem' });
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  const rows = (section: 'deliver' | 'tell' | 'parent-carers') =>
    Array.from(el.querySelectorAll<HTMLElement>(`#${section} li.heard-record`));

  it('lists what to deliver and who to tell about a change, with no axe violations', async () => {
    await open();
    expect(textOf(el.querySelector('h1'))).toBe('To do by hand');
    expect(Array.from(el.querySelectorAll('h2')).map(textOf)).toEqual([
      'To deliver',
      'To tell about a change',
      'Parents and carers to phone',
    ]);

    const [sam, ali] = rows('deliver');
    expect(textOf(sam.querySelector('h3'))).toBe('Sam');
    expect(sam.querySelector('h3 a')?.getAttribute('href')).toBe(
      '/young-people/11111111-1111-4111-8111-111111111111',
    );
    expect(textOf(sam.querySelector('dl'))).toBe(
      'WhatClimbing wall day (Activity day)When4 July 2026How Phone call Phone07700 900123',
    );
    expect(sam.querySelector('a[href="tel:07700 900123"]')).not.toBeNull();
    expect(textOf(sam.querySelector('button'))).toBe('Delivered to Sam');
    expect(textOf(ali.querySelector('dl'))).toContain('How In person, handed over by Pat Worker');

    const [moved] = rows('tell');
    expect(textOf(moved.querySelector('h3'))).toBe('Sam');
    expect(textOf(moved.querySelector('dl'))).toBe(
      'WhatYouth forum (Group session)What changedIt has moved. It is now on 11 July 2026.How WhatsApp Phone07700 900123',
    );
    expect(textOf(moved.querySelector('button'))).toBe('Told Sam');

    const [lee] = rows('parent-carers');
    expect(textOf(lee.querySelector('h3'))).toBe('Lee Parent (Dad)');
    expect(textOf(lee.querySelector('dl'))).toBe(
      'Phone07700 900222AboutAliInvited toClimbing wall day, 4 July 2026',
    );
    expect(lee.querySelector('a[href="tel:07700 900222"]')).not.toBeNull();
    expect(changeInWords(MOVED, 'cancelled')).toBe('It is cancelled. It was on 11 July 2026.');
    expect(await axeViolations(el)).toEqual([]);
  });

  it('says what changed when a parent or carer is back on the list for news', async () => {
    await open({
      toDeliver: [],
      toTell: [],
      numbers: {},
      parentCarersToTell: [{ ...PARENT_CARER, news: 'moved' }],
    });
    const [lee] = rows('parent-carers');
    expect(textOf(lee.querySelector('dl'))).toContain('What changedIt has moved. It is now on 4 July 2026.');
    expect(await axeViolations(el)).toEqual([]);
  });

  it('records a parent or carer phoned: the row leaves and a message says so', async () => {
    await open();
    byName(el, 'Phoned Lee Parent').click();
    const req = http.expectOne({ method: 'POST', url: `/api/invitations/${COPY_ID}/parent-carer-told` });
    expect(req.request.body).toEqual({});
    req.flush({
      ...PARENT_CARER.invitation,
      parentCarer: { name: 'Lee Parent', channel: 'phone', toldAt: '2026-06-05T11:00:00Z' },
    });
    await fixture.whenStable();
    expect(rows('parent-carers')).toEqual([]);
    expect(textOf(el.querySelector('#parent-carers heard-empty-state h2'))).toBe('No one to phone');
    expect(textOf(el.querySelector('[role="status"]'))).toBe(
      'Done: Lee Parent knows Ali is invited to Climbing wall day.',
    );
  });

  it('records a delivery: the row leaves the list and a message says so', async () => {
    await open();
    byName(el, 'Delivered to Sam').click();
    const req = http.expectOne({ method: 'POST', url: `/api/invitations/${INVITATION_ID}/delivered` });
    expect(req.request.body).toEqual({});
    req.flush({ ...BY_PHONE, status: InvitationStatus.Sent, deliveredAt: '2026-06-05T11:00:00Z' });
    await fixture.whenStable();
    expect(rows('deliver').map((row) => textOf(row.querySelector('h3')))).toEqual(['Ali']);
    expect(textOf(el.querySelector('[role="status"]'))).toBe(
      'Done: Sam has their invitation to Climbing wall day. It now counts as invited.',
    );
    expect(document.activeElement).toBe(el.querySelector('#deliver-heading'));
  });

  it('records that someone was told: the row leaves and the list says there is no one left', async () => {
    await open();
    byName(el, 'Told Sam').click();
    const req = http.expectOne({ method: 'POST', url: `/api/invitations/${TOLD_ID}/told` });
    expect(req.request.body).toEqual({});
    req.flush({ ...MOVED, toTell: null });
    await fixture.whenStable();
    expect(rows('tell')).toEqual([]);
    expect(textOf(el.querySelector('#tell heard-empty-state h2'))).toBe('No one to tell');
    expect(textOf(el.querySelector('[role="status"]'))).toBe(
      'Done: Sam knows about the change to Youth forum.',
    );
  });

  it('shows a refusal on its row and keeps the row', async () => {
    await open();
    byName(el, 'Delivered to Ali').click();
    http
      .expectOne(`/api/invitations/${OTHER_INVITATION_ID}/delivered`)
      .flush(problemBody(409, 'This invitation has been withdrawn.'), {
        status: 409,
        statusText: 'Conflict',
      });
    await fixture.whenStable();
    const [, ali] = rows('deliver');
    expect(textOf(ali.querySelector('[role="alert"]'))).toBe('This invitation has been withdrawn.');
    expect(rows('deliver')).toHaveLength(2);
    expect(textOf(el.querySelector('[role="status"]'))).toBe('');
  });

  it('says when there is nothing to do, with no axe violations', async () => {
    await open({ toDeliver: [], toTell: [], numbers: {}, parentCarersToTell: [] });
    expect(Array.from(el.querySelectorAll('heard-empty-state h2')).map(textOf)).toEqual([
      'Nothing to deliver',
      'No one to tell',
      'No one to phone',
    ]);
    expect(el.querySelector('button')).toBeNull();
    expect(await axeViolations(el)).toEqual([]);
  });

  it('says when the list cannot be loaded', async () => {
    await open({ status: 500, detail: 'Something went wrong on our side.' });
    expect(textOf(el.querySelector('[role="alert"]'))).toBe('Something went wrong on our side.');
    expect(el.textContent).toContain('Reload the page to try again.');
  });
});
