import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { axeViolations } from '../../testing/axe';
import { SESSION_ID, problemBody, textOf } from '../../testing/fixtures';
import { HeardSessionToReadOut } from './heard-session-to-read-out';

describe('HeardSessionToReadOut', () => {
  let fixture: ComponentFixture<HeardSessionToReadOut>;
  let el: HTMLElement;
  let http: HttpTestingController;

  async function open(flush: (req: ReturnType<HttpTestingController['expectOne']>) => void): Promise<void> {
    TestBed.configureTestingModule({
      imports: [HeardSessionToReadOut],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(HeardSessionToReadOut);
    fixture.componentRef.setInput('sessionId', SESSION_ID);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    flush(http.expectOne({ method: 'GET', url: `/api/groups/sessions/${SESSION_ID}/to-read-out` }));
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  it('lists the messages to read out, with no axe violations', async () => {
    await open((req) =>
      req.flush([
        {
          tellingId: 't1',
          itemId: 'i1',
          message: 'We did this: New leaflet.',
          toldAt: '2026-06-01T09:00:00Z',
        },
        {
          tellingId: 't2',
          itemId: 'i2',
          message: 'We can’t do this: Weekly bowling.',
          toldAt: '2026-06-02T09:00:00Z',
        },
      ]),
    );
    expect(textOf(el.querySelector('h2'))).toBe('To read out: you said, we did');
    expect(Array.from(el.querySelectorAll('li.message')).map(textOf)).toEqual([
      'We did this: New leaflet.',
      'We can’t do this: Weekly bowling.',
    ]);
    expect(await axeViolations(el)).toEqual([]);
  });

  it('shows nothing when there is nothing to read out', async () => {
    await open((req) => req.flush([]));
    expect(el.querySelector('section')).toBeNull();
  });

  it('shows why the list could not be loaded', async () => {
    await open((req) =>
      req.flush(problemBody(404, 'This session was not found.'), { status: 404, statusText: 'Not found' }),
    );
    expect(textOf(el.querySelector('[role="alert"]'))).toBe('This session was not found.');
  });
});
