import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { LoopView, TellingResult } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import {
  ADULT_ID,
  OTHER_PERSON_ID,
  PERSON_ID,
  SESSION_ID,
  byLabel,
  byName,
  problemBody,
  textOf,
  typeInto,
} from '../../testing/fixtures';
import { HeardItemLoop } from './heard-item-loop';

const ITEM_ID = '55555555-5555-4555-8555-555555555555';
const ACTION_ID = '66666666-6666-4666-8666-666666666666';

function loop(overrides: Partial<LoopView> = {}): LoopView {
  return {
    itemId: ITEM_ID,
    stage: 'to_tell',
    audience: 'young_people',
    speakers: [
      { youngPersonId: PERSON_ID, preferredName: 'Sam', channel: 'email', trustedAdult: null, session: null },
      {
        youngPersonId: OTHER_PERSON_ID,
        preferredName: 'Kit',
        channel: 'trusted_adult',
        trustedAdult: { id: ADULT_ID, displayName: 'Pat Worker' },
        session: null,
      },
    ],
    actions: [
      { actionId: ACTION_ID, status: 'done', told: false, toldAgainNeeded: true, toldYoungPersonIds: [] },
    ],
    draft: 'Thank you for telling us what you think.\n\nWe did this: New leaflet.',
    tellings: [
      {
        id: 'telling-1',
        actionId: ACTION_ID,
        actionStatus: 'planned',
        channel: 'email',
        youngPersonId: PERSON_ID,
        trustedAdultId: null,
        sessionId: null,
        message: 'We will make a new leaflet.',
        toldBy: 'officer',
        toldAt: '2026-06-01T09:00:00Z',
        passedAt: null,
      },
    ],
    ...overrides,
  };
}

describe('HeardItemLoop', () => {
  let fixture: ComponentFixture<HeardItemLoop>;
  let el: HTMLElement;
  let http: HttpTestingController;
  let changes: number;

  async function open(answer: LoopView = loop()): Promise<void> {
    TestBed.configureTestingModule({
      imports: [HeardItemLoop],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(HeardItemLoop);
    fixture.componentRef.setInput('itemId', ITEM_ID);
    changes = 0;
    fixture.componentInstance.changed.subscribe(() => changes++);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne({ method: 'GET', url: `/api/action-log/items/${ITEM_ID}/loop` }).flush(answer);
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  it('shows how each young person hears, that they must be told again, and the draft, with no axe violations', async () => {
    await open();
    expect(textOf(el.querySelector('.stage'))).toBe('Stage: To tell the young people');
    expect(Array.from(el.querySelectorAll('.speakers li')).map(textOf)).toEqual([
      'Sam: By email',
      'Kit: Their trusted adult passes it on (Pat Worker)',
    ]);
    expect(textOf(el.querySelector('.actions li'))).toBe(
      'We did: the answer changed: they must be told again.',
    );
    expect(byLabel<HTMLTextAreaElement>(el, 'Message to the young people').value).toContain(
      'We did this: New leaflet.',
    );
    expect(el.querySelector('button.close')).toBeNull();
    expect(await axeViolations(el)).toEqual([]);
  });

  it('sends the edited message and says who hears how', async () => {
    await open();
    typeInto(byLabel<HTMLTextAreaElement>(el, 'Message to the young people'), 'We made the new leaflet!');
    byName(el, 'Send to the young people').click();
    const req = http.expectOne({ method: 'POST', url: `/api/action-log/items/${ITEM_ID}/tellings` });
    expect(req.request.body).toEqual({ message: 'We made the new leaflet!' });
    const told: TellingResult = {
      told: 2,
      emailed: 1,
      toPassOn: 1,
      toReadOut: 0,
      inPerson: 0,
      loop: loop({
        stage: 'to_close',
        draft: null,
        actions: [
          {
            actionId: ACTION_ID,
            status: 'done',
            told: true,
            toldAgainNeeded: false,
            toldYoungPersonIds: [PERSON_ID, OTHER_PERSON_ID],
          },
        ],
      }),
    };
    req.flush(told);
    await fixture.whenStable();
    expect(textOf(el.querySelector('[role="status"]'))).toBe(
      'Sent. Emailed: 1. For a trusted adult to pass on: 1. To read out at a session: 0. To tell in person: 0.',
    );
    expect(textOf(el.querySelector('.actions li'))).toBe('We did: everyone has been told. Told: Sam, Kit.');
    expect(el.querySelector('textarea')).toBeNull();
    expect(changes).toBe(1);
  });

  it('closes the loop when it is ready, and shows why not when the API refuses', async () => {
    await open(loop({ stage: 'to_close', draft: null }));
    byName(el, 'Close the loop').click();
    http
      .expectOne({ method: 'POST', url: `/api/action-log/items/${ITEM_ID}/close` })
      .flush(
        problemBody(
          409,
          'The young people who spoke have not all heard the current answers: tell them first.',
        ),
        {
          status: 409,
          statusText: 'Conflict',
        },
      );
    await fixture.whenStable();
    expect(textOf(el.querySelector('[role="alert"]'))).toContain('tell them first');
    expect(changes).toBe(0);
    byName(el, 'Close the loop').click();
    http.expectOne(`/api/action-log/items/${ITEM_ID}/close`).flush(loop({ stage: 'closed', draft: null }));
    await fixture.whenStable();
    expect(textOf(el.querySelector('.stage'))).toBe('Stage: Closed');
    expect(byName(el, 'Reopen this item')).toBeTruthy();
    expect(changes).toBe(1);
  });

  it('loads again when the page says the answers changed, with the new draft', async () => {
    await open(loop({ stage: 'to_tell', draft: null, actions: [] }));
    expect(el.querySelector('textarea')).toBeNull();
    fixture.componentRef.setInput('answersRevision', 1);
    await fixture.whenStable();
    http.expectOne({ method: 'GET', url: `/api/action-log/items/${ITEM_ID}/loop` }).flush(loop());
    await fixture.whenStable();
    expect(byLabel(el, 'Message to the young people')).toBeTruthy();
    expect(textOf(el.querySelector('.actions li'))).toContain('they must be told again');
  });

  it('shows a session a young person hears at', async () => {
    await open(
      loop({
        speakers: [
          {
            youngPersonId: PERSON_ID,
            preferredName: 'Jo',
            channel: 'session',
            trustedAdult: null,
            session: { id: SESSION_ID, startsAt: '2026-06-10T17:00:00Z', groupName: 'Youth Voice' },
          },
        ],
      }),
    );
    expect(textOf(el.querySelector('.speakers li'))).toMatch(
      /^Jo: Read out at their group’s next session \(Youth Voice, /,
    );
  });

  it('says an item with no one to tell is told by publishing on the board, and offers no message to send', async () => {
    await open(
      loop({
        audience: 'no_one',
        speakers: [],
        actions: [
          {
            actionId: ACTION_ID,
            status: 'done',
            told: false,
            toldAgainNeeded: false,
            toldYoungPersonIds: [],
          },
        ],
        tellings: [],
      }),
    );
    expect(textOf(el.querySelector('.told-on-board'))).toContain(
      'Publish each answer on the public board (below): that is how the people who said it are told.',
    );
    expect(el.querySelector('.speakers-none')).toBeNull();
    expect(el.querySelector('textarea')).toBeNull();
    expect(textOf(el.querySelector('.actions li'))).toBe('We did: not on the public board yet.');
    expect(await axeViolations(el)).toEqual([]);
  });

  it('shows a board telling as told on the public board', async () => {
    await open(
      loop({
        audience: 'no_one',
        speakers: [],
        draft: null,
        stage: 'to_close',
        actions: [
          { actionId: ACTION_ID, status: 'done', told: true, toldAgainNeeded: false, toldYoungPersonIds: [] },
        ],
        tellings: [
          {
            id: 'telling-2',
            actionId: ACTION_ID,
            actionStatus: 'done',
            channel: 'board',
            youngPersonId: null,
            trustedAdultId: null,
            sessionId: null,
            message: 'We made a new leaflet.',
            toldBy: 'officer',
            toldAt: '2026-06-01T09:00:00Z',
            passedAt: null,
          },
        ],
      }),
    );
    expect(textOf(el.querySelector('.actions li'))).toBe('We did: everyone has been told.');
    expect(textOf(el.querySelector('.tellings li'))).toMatch(/: On the public board$/);
    expect(byName(el, 'Close the loop')).toBeTruthy();
  });
});
