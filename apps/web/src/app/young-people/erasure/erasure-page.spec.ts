import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ANONYMISED_KINDS, Role, todayInLondon } from '@heard/domain';
import type { ErasureRequestResponse, ErasureRequestsResponse } from '@heard/domain';
import { axeViolations } from '../../../testing/axe';
import { signInAs } from '../../../testing/session';
import { PERSON_ID, byLabel, byName, problemBody, textOf, typeInto } from '../../../testing/fixtures';
import { provideFormFieldDefaults } from '../../shared/form-field-defaults';
import ErasurePage from './erasure-page';

const LIST_URL = `/api/young-people/${PERSON_ID}/erasure-requests`;
const REQUEST_ID = 'dddddddd-dddd-4ddd-8ddd-dddddddddddd';
const DELETION_ID = 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee';

function request(overrides: Partial<ErasureRequestResponse> = {}): ErasureRequestResponse {
  return {
    id: REQUEST_ID,
    youngPersonId: PERSON_ID,
    askedBy: 'young_person',
    receivedHow: 'their_pages',
    receivedOn: '2026-03-02',
    details: 'Please delete everything about me.',
    deletionRequestId: null,
    recordedAt: '2026-03-02T10:00:00Z',
    recordedBy: 'Alex Officer',
    decision: null,
    reason: null,
    decidedAt: null,
    decidedBy: null,
    carriedOutAt: null,
    counts: null,
    ...overrides,
  };
}

describe('ErasurePage', () => {
  let fixture: ComponentFixture<ErasurePage>;
  let el: HTMLElement;
  let http: HttpTestingController;

  async function open(answer: ErasureRequestsResponse, deletionRequest?: string): Promise<void> {
    TestBed.configureTestingModule({
      imports: [ErasurePage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFormFieldDefaults(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    await signInAs(Role.ParticipationOfficer);
    fixture = TestBed.createComponent(ErasurePage);
    fixture.componentRef.setInput('id', PERSON_ID);
    if (deletionRequest) fixture.componentRef.setInput('deletionRequest', deletionRequest);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne(LIST_URL).flush(answer);
    await fixture.whenStable();
  }

  const choose = async (id: string, value: string) => {
    const select = el.querySelector<HTMLSelectElement>(`#${id}`);
    if (!select) throw new Error(`no #${id}`);
    select.value = value;
    select.dispatchEvent(new Event('change'));
    await fixture.whenStable();
  };

  afterEach(() => http.verify());

  it('records a request, linked to their own request when it came from one, with no axe violations', async () => {
    await open({ anonymisedAt: null, requests: [] }, DELETION_ID);
    expect(textOf(el.querySelector('h1'))).toBe('Erasure request');
    expect(el.textContent).toContain('This request comes from the one they sent on their own pages.');
    expect(await axeViolations(el)).toEqual([]);

    await choose('erasure-asked-by', 'parent_carer');
    await choose('erasure-received-how', 'letter');
    typeInto(byLabel<HTMLTextAreaElement>(el, 'What they asked'), '  Delete the photos.  ');
    byName(el, 'Record the request').click();
    const sent = http.expectOne(LIST_URL);
    expect(sent.request.method).toBe('POST');
    expect(sent.request.body).toEqual({
      askedBy: 'parent_carer',
      receivedHow: 'letter',
      receivedOn: todayInLondon(),
      details: 'Delete the photos.',
      deletionRequestId: DELETION_ID,
    });
    sent.flush(request({ askedBy: 'parent_carer', receivedHow: 'letter', details: 'Delete the photos.' }));
    await fixture.whenStable();
    expect(textOf(el.querySelector('[role="status"]'))).toContain('The request is recorded.');
    expect(textOf(el.querySelector('#decide-heading'))).toBe('Decide this request');
  });

  it('asks for a confirmation that erasing cannot be undone, and shows the outcome', async () => {
    await open({ anonymisedAt: null, requests: [request()] });
    expect(el.textContent).not.toContain('Erasing cannot be undone.');
    await choose('erasure-decision', 'erase');
    expect(el.textContent).toContain('Erasing cannot be undone.');
    expect(await axeViolations(el)).toEqual([]);

    // Without the box ticked the API refuses, and the page says which field.
    byName(el, 'Record the decision').click();
    const refused = http.expectOne(`/api/erasure-requests/${REQUEST_ID}/decision`);
    expect(refused.request.body).toEqual({ decision: 'erase', reason: null, confirmCannotBeUndone: false });
    refused.flush(
      problemBody(400, 'Confirm that you understand erasing cannot be undone.', {
        confirmCannotBeUndone: ['Confirm that you understand erasing cannot be undone.'],
      }),
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(textOf(el.querySelector('heard-problem-alert'))).toContain('Confirmation');

    el.querySelector<HTMLInputElement>('input[type="checkbox"]')?.click();
    await fixture.whenStable();
    byName(el, 'Record the decision').click();
    const decided = http.expectOne(`/api/erasure-requests/${REQUEST_ID}/decision`);
    expect(decided.request.body).toEqual({ decision: 'erase', reason: null, confirmCannotBeUndone: true });
    const at = '2026-03-03T09:00:00Z';
    decided.flush(
      request({
        details: null,
        decision: 'erase',
        decidedAt: at,
        decidedBy: 'Alex Officer',
        carriedOutAt: at,
        counts: Object.fromEntries(ANONYMISED_KINDS.map((k) => [k, 1])) as ErasureRequestResponse['counts'],
      }),
    );
    await fixture.whenStable();
    expect(textOf(el.querySelector('[role="status"]'))).toContain('Their details are erased.');
    expect(el.textContent).toContain('Their details were erased on 3 Mar 2026.');
    expect(textOf(el.querySelector('section[aria-labelledby="history-heading"]'))).toContain(
      'Erase everything by Alex Officer on 3 Mar 2026',
    );
  });

  it('sends a refusal with its reason, and does not ask for the confirmation', async () => {
    await open({ anonymisedAt: null, requests: [request()] });
    await choose('erasure-decision', 'refuse');
    expect(el.querySelector('input[type="checkbox"]')).toBeNull();
    typeInto(byLabel<HTMLTextAreaElement>(el, 'Reason, in plain words'), 'We must keep your record for now.');
    byName(el, 'Record the decision').click();
    const sent = http.expectOne(`/api/erasure-requests/${REQUEST_ID}/decision`);
    expect(sent.request.body).toEqual({
      decision: 'refuse',
      reason: 'We must keep your record for now.',
      confirmCannotBeUndone: false,
    });
    sent.flush(
      request({
        decision: 'refuse',
        reason: 'We must keep your record for now.',
        decidedAt: '2026-03-03T09:00:00Z',
        decidedBy: 'Alex Officer',
      }),
    );
    await fixture.whenStable();
    expect(textOf(el.querySelector('[role="status"]'))).toBe('The decision is recorded.');
    expect(el.textContent).toContain('We must keep your record for now.');
  });
});
