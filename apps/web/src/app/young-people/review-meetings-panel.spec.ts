import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { REVIEW_PARTICIPATION_LABELS, addDays, todayInLondon } from '@heard/domain';
import type { ReviewParticipationResponse } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import { PERSON_ID, byLabel, byName, problemBody, textOf, typeInto } from '../../testing/fixtures';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import { ReviewMeetingsPanel } from './review-meetings-panel';

const URL = `/api/young-people/${PERSON_ID}/reviews`;
const today = todayInLondon();

function meeting(overrides: Partial<ReviewParticipationResponse> = {}): ReviewParticipationResponse {
  return {
    id: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
    youngPersonId: PERSON_ID,
    heldOn: '2026-03-10',
    code: 'PN3',
    codeLabel: REVIEW_PARTICIPATION_LABELS.PN3,
    chaired: true,
    note: 'Chaired with their advocate beside them',
    recordedBy: { userId: 'user-1', displayName: 'Alex Officer' },
    recordedAt: '2026-03-10T16:00:00Z',
    ...overrides,
  };
}

describe('ReviewMeetingsPanel', () => {
  let fixture: ComponentFixture<ReviewMeetingsPanel>;
  let el: HTMLElement;
  let http: HttpTestingController;

  async function open(reviews: ReviewParticipationResponse[], canRecord = true): Promise<void> {
    TestBed.configureTestingModule({
      imports: [ReviewMeetingsPanel],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFormFieldDefaults(),
        provideNoopAnimations(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ReviewMeetingsPanel);
    fixture.componentRef.setInput('youngPersonId', PERSON_ID);
    fixture.componentRef.setInput('name', 'Sam');
    fixture.componentRef.setInput('canRecord', canRecord);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne({ method: 'GET', url: URL }).flush(reviews);
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  async function choose(label: string, option: string): Promise<void> {
    byLabel<HTMLElement>(el, label).click();
    await fixture.whenStable();
    const match = Array.from(document.querySelectorAll<HTMLElement>('mat-option')).find(
      (o) => textOf(o) === option,
    );
    if (!match) throw new Error(`No option "${option}"`);
    match.click();
    await fixture.whenStable();
  }

  it('lists their review meetings with the code in words, with no axe violations', async () => {
    await open([
      meeting(),
      meeting({
        id: 'b',
        heldOn: '2025-09-01',
        code: 'PN7',
        codeLabel: REVIEW_PARTICIPATION_LABELS.PN7,
        chaired: false,
        note: null,
        recordedBy: null,
      }),
    ]);
    expect(textOf(el.querySelector('h2'))).toBe('Review meetings');
    const items = Array.from(el.querySelectorAll('li')).map(textOf);
    expect(items).toEqual([
      '10 Mar 2026 – PN3: Came to their review, and an advocate spoke for them. They chaired it. Note: Chaired with their advocate beside them Recorded by Alex Officer.',
      `1 Sept 2025 – PN7: ${REVIEW_PARTICIPATION_LABELS.PN7}.`,
    ]);
    expect(await axeViolations(el)).toEqual([]);
  });

  it('says when none are recorded, and offers no form on an archived record', async () => {
    await open([], false);
    expect(textOf(el)).toContain('No review meetings have been recorded.');
    expect(el.querySelector('button')).toBeNull();
  });

  it('records a meeting: date, code with its words, chaired and a note, then lists it first', async () => {
    await open([meeting()]);
    byName(el, 'Record a review meeting').click();
    await fixture.whenStable();
    expect(await axeViolations(el)).toEqual([]);
    typeInto(byLabel(el, 'Date of the review'), addDays(today, -1));
    await choose('How they took part', `PN1 – ${REVIEW_PARTICIPATION_LABELS.PN1}`);
    (el.querySelector('mat-checkbox input') as HTMLInputElement).click();
    typeInto(byLabel<HTMLTextAreaElement>(el, 'Note (optional)'), '  Used their own agenda  ');
    byName(el, 'Save the review meeting').click();
    await fixture.whenStable();

    const req = http.expectOne({ method: 'POST', url: URL });
    expect(req.request.body).toEqual({
      heldOn: addDays(today, -1),
      code: 'PN1',
      chaired: true,
      note: 'Used their own agenda',
    });
    req.flush(
      meeting({
        id: 'c',
        heldOn: addDays(today, -1),
        code: 'PN1',
        codeLabel: REVIEW_PARTICIPATION_LABELS.PN1,
        note: 'Used their own agenda',
        recordedAt: new Date().toISOString(),
      }),
    );
    await fixture.whenStable();
    expect(textOf(el.querySelector('[role="status"]'))).toContain('recorded (PN1)');
    expect(textOf(el.querySelector('li'))).toContain(
      'PN1: Came to their review and gave their views in words',
    );
    expect(el.querySelectorAll('li')).toHaveLength(2);
    expect(el.querySelector('form')).toBeNull();
  });

  it('checks the rule before sending: no chairing with a code that says they did not come', async () => {
    await open([]);
    byName(el, 'Record a review meeting').click();
    await fixture.whenStable();
    await choose('How they took part', `PN4 – ${REVIEW_PARTICIPATION_LABELS.PN4}`);
    (el.querySelector('mat-checkbox input') as HTMLInputElement).click();
    byName(el, 'Save the review meeting').click();
    await fixture.whenStable();
    http.expectNone({ method: 'POST', url: URL });
    expect(textOf(el.querySelector('.field-error'))).toBe(
      'PN4 says they did not come to or take part in the meeting, so they cannot have chaired it.',
    );
  });

  it('asks for a code before sending, and shows the server’s refusal on its field', async () => {
    await open([]);
    byName(el, 'Record a review meeting').click();
    await fixture.whenStable();
    byName(el, 'Save the review meeting').click();
    await fixture.whenStable();
    http.expectNone({ method: 'POST', url: URL });
    expect(textOf(el)).toContain('Choose how they took part.');

    await choose('How they took part', `PN2 – ${REVIEW_PARTICIPATION_LABELS.PN2}`);
    byName(el, 'Save the review meeting').click();
    http.expectOne({ method: 'POST', url: URL }).flush(
      {
        ...problemBody(400, 'Use a meeting on or after 1 January 2000.'),
        errors: { heldOn: ['Use a meeting on or after 1 January 2000.'] },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(textOf(el.querySelector('[role="alert"]'))).toContain('Use a meeting on or after 1 January 2000.');
    expect(el.querySelector('form')).not.toBeNull();
  });
});
