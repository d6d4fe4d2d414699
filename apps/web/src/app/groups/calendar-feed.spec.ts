import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Clipboard } from '@angular/cdk/clipboard';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { CalendarFeedResponse } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import { CalendarFeed } from './calendar-feed';
import { GROUP_ID, byLabel, byName, problemBody, textOf } from '../../testing/fixtures';

function feed(overrides: Partial<CalendarFeedResponse>): CalendarFeedResponse {
  return {
    id: 'f-1',
    scope: 'mine',
    groupId: null,
    createdAt: '2026-03-01T10:00:00Z',
    revokedAt: null,
    ...overrides,
  };
}

describe('CalendarFeed', () => {
  let fixture: ComponentFixture<CalendarFeed>;
  let el: HTMLElement;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [CalendarFeed],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideFormFieldDefaults()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CalendarFeed);
    fixture.componentRef.setInput('what', 'your groups’ sessions');
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http
      .expectOne({ method: 'GET', url: '/api/calendar-feeds' })
      .flush([
        feed({ id: 'f-old' }),
        feed({ id: 'f-revoked', revokedAt: '2026-03-02T10:00:00Z' }),
        feed({ id: 'f-group', scope: 'group', groupId: GROUP_ID }),
      ]);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  it('lists only the active addresses of its own scope, each with a named Stop button', async () => {
    expect(el.textContent).toContain('You already have a calendar address for your groups’ sessions.');
    expect(el.querySelectorAll('li')).toHaveLength(1);
    expect(byName(el, 'Stop address made on 1 Mar 2026')).toBeTruthy();
    expect(await axeViolations(el)).toEqual([]);
  });

  it('makes an address for all the officer’s sessions and offers to copy it', async () => {
    jest.spyOn(TestBed.inject(Clipboard), 'copy').mockReturnValue(false);
    byName(el, 'Subscribe in your calendar').click();
    const req = http.expectOne({ method: 'POST', url: '/api/calendar-feeds' });
    expect(req.request.body).toEqual({ scope: 'mine' });
    req.flush(feed({ id: 'f-new', url: 'https://heard.example/api/calendar/x.ics' }));
    await fixture.whenStable();
    const address = byLabel(el, 'Calendar address');
    expect(address.readOnly).toBe(true);
    expect(document.activeElement).toBe(address);
    byName(el, 'Copy address').click();
    await fixture.whenStable();
    expect(textOf(el.querySelector('[role="status"]'))).toBe(
      'We could not copy the address. Select it and copy it yourself.',
    );
  });

  it('stops an address', async () => {
    byName(el, 'Stop address made on 1 Mar 2026').click();
    http
      .expectOne({ method: 'POST', url: '/api/calendar-feeds/f-old/revoke' })
      .flush(feed({ id: 'f-old', revokedAt: '2026-03-05T10:00:00Z' }));
    await fixture.whenStable();
    expect(el.querySelectorAll('li')).toHaveLength(0);
    expect(textOf(el.querySelector('[role="status"]'))).toContain('That calendar address no longer works.');
  });

  it('says what went wrong when an address cannot be made', async () => {
    byName(el, 'Subscribe in your calendar').click();
    http
      .expectOne({ method: 'POST', url: '/api/calendar-feeds' })
      .flush(problemBody(403, 'You do not have access to this.'), { status: 403, statusText: 'Forbidden' });
    await fixture.whenStable();
    expect(textOf(el.querySelector('[role="alert"]'))).toContain('You do not have access to this.');
  });
});
