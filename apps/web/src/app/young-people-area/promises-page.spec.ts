import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { PLEDGE_VERDICT_LABELS } from '@heard/domain';
import type { MyPledge } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import { PROMISES } from './my-space-words';
import PromisesPage from './promises-page';

const PLEDGE: MyPledge = {
  id: '3f2c6a1e-8d4b-4c1a-9e2f-1a2b3c4d5e6f',
  madeBy: 'Dana Fairweather',
  role: 'Head of Service',
  forum: 'Managers’ forum',
  madeOn: '2026-11-02',
  words: 'Every letter will use your own words.',
  targetDate: '2027-03-31',
  latestUpdate: { notedOn: '2026-11-20', words: 'Half the teams use the new letters.' },
  myVerdict: null,
};

describe('PromisesPage', () => {
  let el: HTMLElement;
  let http: HttpTestingController;
  let fixture: ReturnType<typeof TestBed.createComponent<PromisesPage>>;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [PromisesPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    fixture = TestBed.createComponent(PromisesPage);
    http = TestBed.inject(HttpTestingController);
    http.expectOne('/api/me/pledges').flush([PLEDGE]);
    await fixture.whenStable();
    el = fixture.nativeElement as HTMLElement;
  });
  afterEach(() => http.verify());

  const send = () =>
    Array.from(el.querySelectorAll('button')).find(
      (b) => b.textContent?.trim() === PROMISES.save,
    ) as HTMLButtonElement;
  const choice = (label: string) =>
    Array.from(el.querySelectorAll<HTMLLabelElement>('label.choice'))
      .find((l) => l.textContent?.trim() === label)
      ?.querySelector('input') as HTMLInputElement;

  it('shows the promise, who made it and what they say now, and asks with three plain choices', async () => {
    expect(el.textContent).toContain('Dana Fairweather, Head of Service, at Managers’ forum');
    expect(el.textContent).toContain(PLEDGE.words);
    expect(el.textContent).toContain('Half the teams use the new letters.');
    expect(el.querySelector('legend')?.textContent?.trim()).toBe(PROMISES.question);
    expect(Array.from(el.querySelectorAll('label.choice')).map((l) => l.textContent?.trim())).toEqual([
      PLEDGE_VERDICT_LABELS.kept,
      PLEDGE_VERDICT_LABELS.partly,
      PLEDGE_VERDICT_LABELS.not_kept,
    ]);
    expect(await axeViolations(el)).toEqual([]);
  });

  it('asks for an answer first, then sends it with their words, and a second answer replaces the first', async () => {
    send().click();
    await fixture.whenStable();
    expect(el.textContent).toContain(PROMISES.chooseOne);
    http.expectNone(`/api/me/pledges/${PLEDGE.id}/verdict`);

    choice(PLEDGE_VERDICT_LABELS.partly).click();
    const words = el.querySelector('textarea') as HTMLTextAreaElement;
    words.value = '  Some letters still say placement. ';
    words.dispatchEvent(new Event('input'));
    send().click();
    const first = http.expectOne(`/api/me/pledges/${PLEDGE.id}/verdict`);
    expect(first.request.method).toBe('PUT');
    expect(first.request.body).toEqual({ verdict: 'partly', words: 'Some letters still say placement.' });
    first.flush({
      ...PLEDGE,
      myVerdict: { verdict: 'partly', label: 'Partly', words: 'Some letters still say placement.', at: 'x' },
    });
    await fixture.whenStable();
    expect(el.textContent).toContain(PROMISES.saved);
    expect(el.textContent).toContain(`${PROMISES.yours} Partly.`);

    choice(PLEDGE_VERDICT_LABELS.not_kept).click();
    send().click();
    const second = http.expectOne(`/api/me/pledges/${PLEDGE.id}/verdict`);
    expect(second.request.body).toEqual({ verdict: 'not_kept', words: 'Some letters still say placement.' });
    second.flush({
      ...PLEDGE,
      myVerdict: { verdict: 'not_kept', label: PLEDGE_VERDICT_LABELS.not_kept, words: null, at: 'y' },
    });
    await fixture.whenStable();
    expect(el.textContent).toContain(`${PROMISES.yours} ${PLEDGE_VERDICT_LABELS.not_kept}.`);
  });

  it('shows the server’s plain words when it refuses', async () => {
    choice(PLEDGE_VERDICT_LABELS.kept).click();
    send().click();
    http.expectOne(`/api/me/pledges/${PLEDGE.id}/verdict`).flush(
      {
        type: 'about:blank',
        title: 'Problem',
        status: 403,
        detail: 'This promise was made to another group.',
      },
      { status: 403, statusText: 'Forbidden' },
    );
    await fixture.whenStable();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain(
      'This promise was made to another group.',
    );
  });
});
