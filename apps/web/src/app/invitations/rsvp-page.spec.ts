import { ChangeDetectionStrategy, Component } from '@angular/core';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import type { RsvpView } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import { App } from '../app';
import { byLabel, byName, problemBody, textOf, typeInto } from '../../testing/fixtures';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import { RsvpPage } from './rsvp-page';
import rsvpRoutes from './rsvp.routes';

const TOKEN = 'k3v9-personal-answer-token';
const URL = `/api/rsvp/${TOKEN}`;

function rsvpView(overrides: Partial<RsvpView> = {}): RsvpView {
  return {
    firstName: 'Jodie',
    kind: 'activity_day',
    title: 'Summer trip to the climbing wall',
    dateWords: 'Saturday 4 July 2026',
    startTime: '10:00',
    endTime: '15:00',
    timeWords: "from 10 o'clock in the morning to 3 o'clock in the afternoon",
    askedAbout: 'Try the new "My plan" booklet',
    transport: 'Minibus from the Youth Hub at 9:30',
    photosWords: 'We will take photos. You do not have to be in them. Just tell us, and you can still come.',
    contact: { name: 'Alex Officer', phone: '01234 567890' },
    venue: 'Peak Climbing Centre, Mill Lane',
    accessibility: 'Step-free entrance. Quiet room next to the café.',
    answer: null,
    statusWords: 'Can you come? Tell us yes or no',
    canStillChange: true,
    waitingListPosition: null,
    cancelled: false,
    closed: false,
    ...overrides,
  };
}

describe('RsvpPage', () => {
  let fixture: ComponentFixture<RsvpPage>;
  let el: HTMLElement;
  let http: HttpTestingController;

  async function open(answer: RsvpView | { status: number } = rsvpView(), token = TOKEN): Promise<void> {
    TestBed.configureTestingModule({
      imports: [RsvpPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFormFieldDefaults(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(RsvpPage);
    fixture.componentRef.setInput('token', token);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    if (!token) return;
    expect(el.querySelector('mat-progress-bar')?.getAttribute('aria-label')).toBe('Loading your invite');
    const req = http.expectOne({ method: 'GET', url: URL });
    if ('status' in answer && typeof answer.status === 'number')
      req.flush(problemBody(answer.status, 'Problem'), { status: answer.status, statusText: 'Problem' });
    else req.flush(answer);
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  const answerButtons = () => Array.from(el.querySelectorAll<HTMLButtonElement>('.answers button'));

  it('greets them and says what, when and where, in plain words, with no axe violations', async () => {
    await open();
    expect(el.querySelectorAll('h1')).toHaveLength(1);
    expect(textOf(el.querySelector('h1'))).toBe('Hi Jodie');
    expect(textOf(el.querySelector('.lead'))).toBe('You are invited to: Summer trip to the climbing wall');
    expect(
      Array.from(el.querySelectorAll('dl > div')).map(
        (pair) => `${textOf(pair.querySelector('dt'))} ${textOf(pair.querySelector('dd'))}`,
      ),
    ).toEqual([
      "When Saturday 4 July 2026 From 10 o'clock in the morning to 3 o'clock in the afternoon",
      'Where Peak Climbing Centre, Mill Lane',
      'Getting in and around Step-free entrance. Quiet room next to the café.',
      'What we will ask you about Try the new "My plan" booklet',
      'Getting there Minibus from the Youth Hub at 9:30',
      'Photos We will take photos. You do not have to be in them. Just tell us, and you can still come.',
      'Questions? Ask Alex Officer on 01234 567890',
    ]);
    expect(el.querySelector('a[href="tel:01234 567890"]')).not.toBeNull();
    expect(textOf(el.querySelector('.status-words'))).toBe('You have not answered yet.');
    expect(textOf(el.querySelector('#choose-heading'))).toBe('Can you come?');
    expect(textOf(el.querySelector('.private'))).toBe(
      'Only the participation team and your trusted adult see your answer.',
    );
    expect(textOf(el.querySelector('.choose p'))).toBe('Pick one. You can change your answer until the day.');
    expect(await axeViolations(el)).toEqual([]);
  });

  it('offers Yes and No equally: same look, same size, neither chosen for them', async () => {
    await open();
    const [yes, no] = answerButtons();
    expect(textOf(yes)).toBe('Yes, I’ll come');
    expect(textOf(no)).toBe('No, I can’t come');
    expect(yes.className).toBe(no.className);
    for (const button of [yes, no]) {
      expect(button.disabled).toBe(false);
      expect(button.getAttribute('aria-disabled')).toBeNull();
      expect(button.getAttribute('aria-pressed')).toBeNull();
    }
    expect(
      el.querySelector('input[type="radio"], input[type="checkbox"], [aria-checked], .selected'),
    ).toBeNull();
    // No nudges: no "recommended", no countdowns, no points.
    expect(textOf(el).toLowerCase()).not.toMatch(/\b(recommended|hurry|only \d+ left|points?|streaks?)\b/);
  });

  it('keeps sentences short enough for a 10-year-old', async () => {
    await open(
      rsvpView({
        answer: 'waiting_list',
        waitingListPosition: 2,
        statusWords: 'It is full right now. You are on the waiting list',
      }),
    );
    const sentences = Array.from(el.querySelectorAll('h1, h2, p, dt, dd, button'))
      .flatMap((block) => textOf(block).split(/[.!?]/))
      .filter((s) => s.trim());
    const longest = Math.max(...sentences.map((s) => s.trim().split(' ').length));
    expect(longest).toBeLessThanOrEqual(16);
  });

  it('sends Yes in one tap and thanks them', async () => {
    await open();
    byName(el, 'Yes, I’ll come').click();
    await fixture.whenStable();
    const req = http.expectOne({ method: 'POST', url: URL });
    expect(req.request.body).toEqual({ answer: 'yes', reason: null });
    req.flush(rsvpView({ answer: 'yes', statusWords: 'You said yes. See you there!' }));
    await fixture.whenStable();
    expect(textOf(el.querySelector('[role="status"]'))).toBe('Thank you! We have your answer.');
    expect(textOf(el.querySelector('.status-words'))).toBe('You said yes. See you there!');
    expect(textOf(el.querySelector('#choose-heading'))).toBe('Do you want to change your answer?');
    expect(el.textContent).not.toContain('Do you want to tell us why?');
  });

  it('sends No in one tap too, then offers an optional box to say why', async () => {
    await open();
    byName(el, 'No, I can’t come').click();
    await fixture.whenStable();
    const req = http.expectOne({ method: 'POST', url: URL });
    expect(req.request.body).toEqual({ answer: 'no', reason: null });
    req.flush(rsvpView({ answer: 'no', statusWords: 'You said no. That is fine' }));
    await fixture.whenStable();
    expect(textOf(el.querySelector('[role="status"]'))).toBe(
      'Thank you for telling us. We have your answer.',
    );
    expect(textOf(el.querySelector('.status-words'))).toBe('You said no. That is fine.');
    const why = byLabel<HTMLTextAreaElement>(el, "Do you want to tell us why? (you don't have to)");
    expect(why.value).toBe('');
    expect(await axeViolations(el)).toEqual([]);

    typeInto(why, '  I have football that day  ');
    byName(el, 'Send').click();
    await fixture.whenStable();
    const second = http.expectOne({ method: 'POST', url: URL });
    expect(second.request.body).toEqual({ answer: 'no', reason: 'I have football that day' });
    second.flush(rsvpView({ answer: 'no', statusWords: 'You said no. That is fine' }));
    await fixture.whenStable();
    expect(textOf(el.querySelector('[role="status"]'))).toBe(
      'Thank you for telling us why. It helps us plan better.',
    );
    expect(el.querySelector('textarea')).toBeNull();
  });

  it('sends nothing more when they leave the why box empty', async () => {
    await open();
    byName(el, 'No, I can’t come').click();
    http
      .expectOne({ method: 'POST', url: URL })
      .flush(rsvpView({ answer: 'no', statusWords: 'You said no. That is fine' }));
    await fixture.whenStable();
    byName(el, 'Send').click();
    await fixture.whenStable();
    http.expectNone({ method: 'POST', url: URL });
    expect(el.querySelector('textarea')).toBeNull();
  });

  it('puts them on the waiting list when it is full, and says their place', async () => {
    await open();
    byName(el, 'Yes, I’ll come').click();
    http.expectOne({ method: 'POST', url: URL }).flush(
      rsvpView({
        answer: 'waiting_list',
        statusWords: 'It is full right now. You are on the waiting list',
        waitingListPosition: 2,
      }),
    );
    await fixture.whenStable();
    expect(textOf(el.querySelector('[role="status"]'))).toBe(
      'Thank you! It is full right now, so you are on the waiting list.',
    );
    expect(textOf(el)).toContain(
      'You are number 2 on the waiting list. We will tell you if a place comes up.',
    );
    expect(await axeViolations(el)).toEqual([]);
  });

  it('says plainly when the link does not work', async () => {
    await open({ status: 404 });
    expect(textOf(el.querySelector('[role="alert"]'))).toBe(
      'This link does not work. It may be old or typed wrong. Ask the person who invited you for a new one.',
    );
    expect(answerButtons()).toHaveLength(0);
    expect(el.querySelector('button')).toBeNull();
    expect(await axeViolations(el)).toEqual([]);
  });

  it('says plainly when the link has run out after the day', async () => {
    await open({ status: 410 });
    expect(textOf(el.querySelector('[role="alert"]'))).toContain('This link has run out.');
    expect(el.querySelector('button')).toBeNull();
  });

  it('offers to try again when our side fails', async () => {
    await open({ status: 503 });
    expect(textOf(el.querySelector('[role="alert"]'))).toBe(
      'Something went wrong on our side. Please try again in a few minutes.',
    );
    byName(el, 'Try again').click();
    await fixture.whenStable();
    http.expectOne({ method: 'GET', url: URL }).flush(rsvpView());
    await fixture.whenStable();
    expect(textOf(el.querySelector('h1'))).toBe('Hi Jodie');
  });

  it('says when the link is cut short, without calling the API', async () => {
    await open(rsvpView(), '');
    expect(textOf(el.querySelector('[role="alert"]'))).toContain('This link does not work.');
  });

  it('tells them when it is cancelled, and asks nothing', async () => {
    await open(
      rsvpView({
        cancelled: true,
        canStillChange: false,
        answer: 'yes',
        statusWords: 'You said yes. See you there!',
      }),
    );
    expect(textOf(el)).toContain('Sorry, this has been cancelled. You do not need to do anything.');
    expect(answerButtons()).toHaveLength(0);
    expect(await axeViolations(el)).toEqual([]);
  });

  it('says a finished one-to-one has happened, and asks nothing, with no axe violations', async () => {
    await open(
      rsvpView({
        kind: 'one_to_one',
        title: 'A chat about school',
        closed: true,
        canStillChange: false,
        answer: 'yes',
        statusWords: 'You said yes. See you there!',
      }),
    );
    expect(textOf(el.querySelector('.box[role="status"]'))).toBe(
      'This chat has happened. Thank you for coming.',
    );
    expect(answerButtons()).toHaveLength(0);
    expect(el.querySelector('button')).toBeNull();
    expect(textOf(el)).not.toContain('You cannot change your answer now.');
    expect(textOf(el)).not.toContain('cancelled');
    expect(await axeViolations(el)).toEqual([]);
  });

  it('says anything else that is closed has happened and is finished', async () => {
    await open(rsvpView({ closed: true, canStillChange: false }));
    expect(textOf(el.querySelector('.box[role="status"]'))).toBe(
      'This has happened and it is finished now. Thank you.',
    );
    expect(el.querySelector('button')).toBeNull();
  });

  it('shows a taken-back invite without answer buttons', async () => {
    await open(rsvpView({ canStillChange: false, statusWords: 'This invite has been taken back' }));
    expect(textOf(el.querySelector('.status-words'))).toBe('This invite has been taken back.');
    expect(answerButtons()).toHaveLength(0);
    expect(textOf(el)).toContain('You cannot change your answer now.');
  });

  it('explains when it is too late to change, and shows how things are now', async () => {
    await open(rsvpView({ answer: 'yes', statusWords: 'You said yes. See you there!' }));
    byName(el, 'No, I can’t come').click();
    http
      .expectOne({ method: 'POST', url: URL })
      .flush(problemBody(409, 'Answers close at the end of the day.'), {
        status: 409,
        statusText: 'Conflict',
      });
    await fixture.whenStable();
    http
      .expectOne({ method: 'GET', url: URL })
      .flush(rsvpView({ answer: 'yes', canStillChange: false, statusWords: 'You said yes. See you there!' }));
    await fixture.whenStable();
    expect(textOf(el.querySelector('[role="alert"]'))).toBe(
      'We could not change your answer. It may be too late now, or the invite may have changed.',
    );
    expect(answerButtons()).toHaveLength(0);
  });

  it('keeps their answer unsent and says so when the connection drops', async () => {
    await open();
    byName(el, 'Yes, I’ll come').click();
    http
      .expectOne({ method: 'POST', url: URL })
      .error(new ProgressEvent('error'), { status: 0, statusText: '' });
    await fixture.whenStable();
    expect(textOf(el.querySelector('[role="alert"]'))).toContain('Your answer is not saved yet.');
    expect(answerButtons().every((b) => b.getAttribute('aria-disabled') === null)).toBe(true);
  });
});

@Component({ changeDetection: ChangeDetectionStrategy.OnPush, template: '<h1>Page</h1>' })
class Blank {}

describe('RsvpPage in the app shell', () => {
  it('needs no sign-in and shows no staff menu or sign-out button', async () => {
    TestBed.configureTestingModule({
      imports: [App],
      providers: [
        provideRouter(
          [
            { path: 'rsvp', loadChildren: () => Promise.resolve(rsvpRoutes) },
            { path: 'sign-in', component: Blank },
          ],
          withComponentInputBinding(),
        ),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(App);
    const router = TestBed.inject(Router);
    await router.navigateByUrl(`/rsvp/${TOKEN}`);
    await fixture.whenStable();
    http.expectOne(URL).flush(rsvpView());
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(router.url).toBe(`/rsvp/${TOKEN}`);
    expect(textOf(el.querySelector('h1'))).toBe('Hi Jodie');
    expect(el.querySelector('nav')).toBeNull();
    expect(el.querySelector('mat-sidenav')).toBeNull();
    expect(el.querySelector('button.sign-out')).toBeNull();
    expect(el.querySelector('a[href="/home"], a[href^="/young-people"], a[href^="/groups"]')).toBeNull();
    http.verify();
  });
});
