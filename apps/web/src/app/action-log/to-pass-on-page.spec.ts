import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Role } from '@heard/domain';
import type { ToPassOnEntry } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import { signInAs } from '../../testing/session';
import { ADULT_ID, OTHER_PERSON_ID, PERSON_ID, byName, problemBody, textOf } from '../../testing/fixtures';
import ToPassOnPage from './to-pass-on-page';

const ITEM_ID = '55555555-5555-4555-8555-555555555555';
const ENTRIES: ToPassOnEntry[] = [
  {
    tellingId: 'telling-1',
    itemId: ITEM_ID,
    youngPerson: { id: PERSON_ID, preferredName: 'Kit' },
    message: 'Thank you for telling us what you think.\n\nWe did this: New leaflet.',
    toldAt: '2026-06-02T09:00:00.000Z',
    passedAt: null,
  },
  {
    tellingId: 'telling-2',
    itemId: ITEM_ID,
    youngPerson: { id: OTHER_PERSON_ID, preferredName: 'Ash' },
    message: 'We will make the leaflet easy to read.',
    toldAt: '2026-06-01T09:00:00.000Z',
    passedAt: null,
  },
];

describe('ToPassOnPage', () => {
  let fixture: ComponentFixture<ToPassOnPage>;
  let el: HTMLElement;
  let http: HttpTestingController;

  async function open(answer: ToPassOnEntry[] | { status: number; detail: string } = ENTRIES): Promise<void> {
    TestBed.configureTestingModule({
      imports: [ToPassOnPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    await signInAs(Role.Practitioner, { id: ADULT_ID, displayName: 'Pat Worker' });
    fixture = TestBed.createComponent(ToPassOnPage);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    const req = http.expectOne({ method: 'GET', url: '/api/me/to-pass-on' });
    if (Array.isArray(answer)) req.flush(answer);
    else
      req.flush(problemBody(answer.status, answer.detail), { status: answer.status, statusText: 'Problem' });
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  const cards = () => Array.from(el.querySelectorAll<HTMLElement>('li.card'));

  it('lists each message with who it is for, with no axe violations', async () => {
    await open();
    expect(textOf(el.querySelector('h1'))).toBe('To pass on');
    expect(cards().map((c) => textOf(c.querySelector('h2')))).toEqual(['For Kit', 'For Ash']);
    expect(textOf(cards()[0].querySelector('.message'))).toContain('We did this: New leaflet.');
    expect(await axeViolations(el)).toEqual([]);
  });

  it('marks one as passed on and takes it off the list', async () => {
    await open();
    byName(el, 'I passed this on to Kit').click();
    const req = http.expectOne({ method: 'POST', url: '/api/me/to-pass-on/telling-1/passed' });
    expect(req.request.body).toEqual({});
    req.flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    expect(cards().map((c) => textOf(c.querySelector('h2')))).toEqual(['For Ash']);
    expect(textOf(el.querySelector('[role="status"]'))).toBe(
      'Thank you. Kit’s message is marked as passed on.',
    );
  });

  it('shows why marking failed, on that message', async () => {
    await open();
    byName(el, 'I passed this on to Kit').click();
    http
      .expectOne('/api/me/to-pass-on/telling-1/passed')
      .flush(problemBody(409, 'You have already said you passed this on.'), {
        status: 409,
        statusText: 'Conflict',
      });
    await fixture.whenStable();
    expect(textOf(cards()[0].querySelector('[role="alert"]'))).toBe(
      'You have already said you passed this on.',
    );
    expect(cards()).toHaveLength(2);
  });

  it('says when there is nothing to pass on', async () => {
    await open([]);
    expect(textOf(el)).toContain('Nothing to pass on right now.');
  });
});
