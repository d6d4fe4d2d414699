import { indexedDbTurns } from '../../testing/indexed-db';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import {
  ActivatedRouteSnapshot,
  Router,
  type RouterStateSnapshot,
  UrlTree,
  provideRouter,
} from '@angular/router';
import { Role } from '@heard/domain';
import type { HeldChangeResponse } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import {
  PERSON_ID,
  SESSION_ID,
  byLabel,
  byName,
  problemBody,
  textOf,
  typeInto,
} from '../../testing/fixtures';
import { signInAs } from '../../testing/session';
import { IDBFactory } from 'fake-indexeddb';
import { Outbox } from './outbox';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import HeldChangesPage from './held-changes-page';
import { heldChangesOfficerOnly } from './officer-guard';
import { requestMade } from '../../testing/eventually';

const CONSENT_ID = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const MOVED_ID = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';

function held(overrides: Partial<HeldChangeResponse> = {}): HeldChangeResponse {
  return {
    id: CONSENT_ID,
    kind: 'activity-mark',
    occasionId: SESSION_ID,
    youngPersonId: PERSON_ID,
    why: 'consent-withdrawn',
    came: true,
    detail:
      "Robin Fictional's consent was withdrawn at 11:00, after your mark for the day at 10:15. Your change is kept aside for you to decide: record it, or let it go.",
    deviceTime: '2026-07-04T09:15:00.000Z',
    arrivedAt: '2026-07-04T15:00:00.000Z',
    decision: null,
    ...overrides,
  };
}

const moved = held({
  id: MOVED_ID,
  kind: 'session-mark',
  why: 'moved',
  detail:
    'The occasion was moved from 18:00 to 19:00 after your mark on the register for Sam Madeup at 17:55. Your change is kept aside for you to decide whether it still stands.',
});

describe('the changes kept aside for the officer', () => {
  let fixture: ComponentFixture<HeldChangesPage>;
  let el: HTMLElement;
  let http: HttpTestingController;

  async function open(
    list: HeldChangeResponse[] | 'refused',
    onTheDevice: () => Promise<void> = async () => undefined,
  ): Promise<void> {
    globalThis.indexedDB = new IDBFactory();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFormFieldDefaults(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    await signInAs(Role.ParticipationOfficer);
    await onTheDevice();
    fixture = TestBed.createComponent(HeldChangesPage);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    const req = http.expectOne('/api/held-changes');
    if (list === 'refused') req.flush(problemBody(500, 'Server error'), { status: 500, statusText: 'Error' });
    else req.flush(list);
    await fixture.whenStable();
  }

  const items = () => Array.from(el.querySelectorAll('heard-held-change-item'));

  afterEach(() => http.verify());

  it('lists each change in plain words: what, about whom, when it was made and why it waits', async () => {
    await open([held(), moved]);
    expect(items()).toHaveLength(2);
    const first = textOf(items()[0]);
    expect(first).toContain('A mark on an activity day’s register');
    expect(first).toContain("Robin Fictional's consent was withdrawn");
    expect(first).toContain('Made on your device');
    expect(first).toContain('4 Jul 2026');
    expect(first).toContain('Their consent was withdrawn after you made the change.');
    expect(textOf(items()[1])).toContain('The session or day was moved after you made the change.');
    expect(await axeViolations(el)).toEqual([]);
  });

  it('asks for a reason to keep a mark held for a withdrawn consent, then keeps it with the reason', async () => {
    await open([held(), moved]);
    const first = items()[0] as HTMLElement;
    byName(first, 'Keep it').click();
    await fixture.whenStable();
    expect(textOf(first)).toContain('say why their coming is recorded anyway');
    http.expectNone((r) => r.method === 'POST');
    expect(document.activeElement).toBe(byLabel(first, 'Reason'));
    expect(await axeViolations(el)).toEqual([]);

    typeInto(byLabel<HTMLTextAreaElement>(first, 'Reason'), 'They were there with their carer.');
    byName(first, 'Keep it').click();
    const req = http.expectOne(`/api/held-changes/${CONSENT_ID}/apply`);
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ reason: 'They were there with their carer.' });
    req.flush(held({ decision: 'applied' }));
    await fixture.whenStable();
    expect(items()).toHaveLength(1);
    expect(textOf(el.querySelector('[role="status"]'))).toContain('is kept: it is on the register now.');
  });

  it('keeps a "did not come" mark held for a withdrawn consent without a reason: it needs no consent', async () => {
    await open([held({ came: false })]);
    byName(items()[0] as HTMLElement, 'Keep it').click();
    const req = http.expectOne(`/api/held-changes/${CONSENT_ID}/apply`);
    expect(req.request.body).toEqual({});
    req.flush(held({ came: false, decision: 'applied' }));
    await fixture.whenStable();
    expect(textOf(el)).toContain('Nothing is waiting for you');
  });

  it('keeps a change held for a move without a reason', async () => {
    await open([moved]);
    byName(items()[0] as HTMLElement, 'Keep it').click();
    const req = http.expectOne(`/api/held-changes/${MOVED_ID}/apply`);
    expect(req.request.body).toEqual({});
    req.flush(held({ id: MOVED_ID, decision: 'applied' }));
    await fixture.whenStable();
    expect(textOf(el)).toContain('Nothing is waiting for you');
  });

  it('lets a change go only with a reason', async () => {
    await open([moved]);
    const item = items()[0] as HTMLElement;
    byName(item, 'Let it go').click();
    await fixture.whenStable();
    expect(textOf(item)).toContain('Give a reason of at least a few words.');
    http.expectNone((r) => r.method === 'POST');

    typeInto(byLabel<HTMLTextAreaElement>(item, 'Reason'), 'The session was moved to a day they were away.');
    byName(item, 'Let it go').click();
    const req = http.expectOne(`/api/held-changes/${MOVED_ID}/discard`);
    expect(req.request.body).toEqual({ reason: 'The session was moved to a day they were away.' });
    req.flush(held({ id: MOVED_ID, decision: 'discarded' }));
    await fixture.whenStable();
    expect(textOf(el.querySelector('[role="status"]'))).toContain('is let go: nothing was stored.');
  });

  it('shows the server’s refusal in the change, and its field message on the reason', async () => {
    await open([held()]);
    const item = items()[0] as HTMLElement;
    typeInto(byLabel<HTMLTextAreaElement>(item, 'Reason'), 'They came with their carer.');
    byName(item, 'Keep it').click();
    http
      .expectOne(`/api/held-changes/${CONSENT_ID}/apply`)
      .flush(problemBody(409, 'Conflict'), { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();
    expect(item.querySelector('heard-problem-alert [role="alert"]')).not.toBeNull();
    expect(items()).toHaveLength(1);

    byName(item, 'Keep it').click();
    http
      .expectOne(`/api/held-changes/${CONSENT_ID}/apply`)
      .flush(problemBody(400, 'Invalid', { reason: ['Say why their coming is recorded anyway.'] }), {
        status: 400,
        statusText: 'Bad Request',
      });
    await fixture.whenStable();
    expect(textOf(item)).toContain('Say why their coming is recorded anyway.');
  });

  it('says when nothing is waiting, and when the list could not be loaded', async () => {
    await open([]);
    expect(textOf(el)).toContain('Nothing is waiting for you');
    expect(await axeViolations(el)).toEqual([]);
    TestBed.resetTestingModule();
    await open('refused');
    expect(el.querySelector('heard-problem-alert [role="alert"]')).not.toBeNull();
    expect(await axeViolations(el)).toEqual([]);
  });

  it('lists this device’s changes that were not stored, until the officer takes them off it', async () => {
    await open([], async () => {
      const outbox = TestBed.inject(Outbox);
      await outbox.add({
        method: 'POST',
        url: '/api/activities/a-1/attendance',
        body: { youngPersonId: PERSON_ID, attended: true },
        label: 'Robin Fictional: came',
        about: PERSON_ID,
      });
      const sending = outbox.send();
      const found = await requestMade(http, '/api/activities/a-1/attendance');
      found.flush(
        {
          type: 'https://heard.example/problems/offline-conflict',
          title: 'Not applied',
          status: 409,
          outcome: 'kept-theirs',
          detail: "Robin Fictional was already marked 'absent' by Kit Example at 10:20; their mark was kept.",
        },
        { status: 409, statusText: 'Conflict' },
      );
      await sending;
    });
    const section = el.querySelector('section[aria-labelledby="not-stored-heading"]') as HTMLElement;
    expect(textOf(section)).toContain('Robin Fictional: came');
    expect(textOf(section)).toContain('their mark was kept.');
    expect(await axeViolations(el)).toEqual([]);
    byName(section, 'Take “Robin Fictional: came” off this device').click();
    await indexedDbTurns();
    await fixture.whenStable();
    expect(textOf(el)).not.toContain('Not stored');
  });

  it('is for participation officers only', async () => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    await signInAs(Role.Practitioner);
    const state = { url: '/account/held-changes' } as RouterStateSnapshot;
    const answer = TestBed.runInInjectionContext(() =>
      heldChangesOfficerOnly(new ActivatedRouteSnapshot(), state),
    );
    expect(answer instanceof UrlTree && TestBed.inject(Router).serializeUrl(answer)).toBe('/account');
  });
});
