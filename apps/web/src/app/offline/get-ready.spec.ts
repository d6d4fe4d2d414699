import '../../testing/indexed-db';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Role, addDays, todayInLondon } from '@heard/domain';
import { IDBFactory } from 'fake-indexeddb';
import { ACTIVITY_ID, activityResponse, daySheet } from '../../testing/activity-fixtures';
import { axeViolations } from '../../testing/axe';
import { eventually, requestMade } from '../../testing/eventually';
import { sessionFor, signInAs } from '../../testing/session';
import { DayStore, type DayToKeep } from './day-store';
import { GetReady } from './get-ready';

const DAY = `/api/activities/${ACTIVITY_ID}`;
const today = todayInLondon();

/** Until the component, its IndexedDB steps done, shows `words`. */
function showing(fixture: ComponentFixture<GetReady>, el: HTMLElement, words: string): Promise<true> {
  return eventually(() => {
    fixture.detectChanges();
    return el.textContent?.includes(words) ? true : undefined;
  }, `the words "${words}"`);
}

describe('GetReady', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    globalThis.indexedDB = new IDBFactory();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    await signInAs(Role.ParticipationOfficer);
    await TestBed.inject(DayStore).loaded;
  });

  afterEach(() => http.verify());

  async function render(day: string) {
    const fixture = TestBed.createComponent(GetReady);
    const toKeep: DayToKeep = { kind: 'activity_day', id: ACTIVITY_ID, title: 'Bowling', day };
    fixture.componentRef.setInput('day', toKeep);
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  const button = (el: HTMLElement, name: string) =>
    Array.from(el.querySelectorAll('button')).find((b) => b.textContent?.trim() === name);

  it('offers to get ready on the day, keeps the day, says what it kept, and takes it off again', async () => {
    const { fixture, el } = await render(today);
    expect(el.textContent).toContain('Kept on this device until the end of');
    expect(el.textContent).toContain('Keep this page open');
    expect(await axeViolations(el)).toEqual([]);

    button(el, 'Get ready for the day')?.click();
    for (const [url, body] of [
      ['/api/auth/session', sessionFor(Role.ParticipationOfficer)],
      [DAY, activityResponse({ date: today })],
      [`${DAY}/day-sheet`, daySheet()],
      [`${DAY}/invitations`, []],
      [`${DAY}/consents`, { purposes: [], rows: [] }],
      [`/api/evaluation-rounds?occasionKind=activity_day&occasionId=${ACTIVITY_ID}`, []],
    ] as const) {
      (await requestMade(http, url)).flush(body);
    }
    await showing(fixture, el, 'Ready for the day');
    expect(el.querySelector('[role="status"]')?.textContent?.trim()).toBe(
      'Ready for the day. Kept on this device: the day sheet, the register and no evaluation rounds.',
    );
    expect(button(el, 'Get ready again')).toBeDefined();

    button(el, 'Take it off this device')?.click();
    await showing(fixture, el, 'Taken off');
    expect(el.querySelector('[role="status"]')?.textContent?.trim()).toBe('Taken off this device.');
    expect(TestBed.inject(DayStore).kept()).toBeNull();
  });

  it('says when the officer can get ready for a day ahead, and offers nothing for a day that is over', async () => {
    const ahead = await render(addDays(today, 3));
    expect(ahead.el.textContent).toContain('You can get ready from');
    expect(button(ahead.el, 'Get ready for the day')).toBeUndefined();
    const over = await render(addDays(today, -1));
    expect(over.el.textContent).toContain('This day is over');
    expect(button(over.el, 'Get ready for the day')).toBeUndefined();
  });

  it('says so when getting ready finds no signal, and keeps nothing', async () => {
    const { fixture, el } = await render(today);
    button(el, 'Get ready for the day')?.click();
    let asked = http.match(() => true);
    await eventually(() => {
      asked = [...asked, ...http.match(() => true)];
      return asked.length >= 6 ? true : undefined;
    }, 'the six requests that get the day ready');
    for (const req of asked) req.error(new ProgressEvent('error'), { status: 0 });
    await showing(fixture, el, 'Could not get ready');
    expect(el.querySelector('[role="status"]')?.textContent?.trim()).toBe(
      'Could not get ready: check the signal and try again.',
    );
    expect(TestBed.inject(DayStore).kept()).toBeNull();
  });
});
