import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { DeletionRequestResponse } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import { PERSON_ID, byLabel, byName, problemBody, textOf, typeInto } from '../../testing/fixtures';
import DeletionRequestsPage from './deletion-requests-page';

const REQUEST: DeletionRequestResponse = {
  id: '31313131-3131-4313-8313-313131313131',
  youngPerson: { id: PERSON_ID, preferredName: 'Kai' },
  what: 'The photo from <b>bowling</b>.',
  requestedAt: '2026-11-20T10:00:00.000Z',
};
const URL = '/api/deletion-requests';
const HANDLED = `${URL}/${REQUEST.id}/handled`;

describe('DeletionRequestsPage', () => {
  let fixture: ComponentFixture<DeletionRequestsPage>;
  let el: HTMLElement;
  let http: HttpTestingController;

  async function open(list: DeletionRequestResponse[]): Promise<void> {
    TestBed.configureTestingModule({
      imports: [DeletionRequestsPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(DeletionRequestsPage);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne(URL).flush(list);
    await fixture.whenStable();
  }
  afterEach(() => http.verify());

  it('should list each request with who asked, when and what, as text, and pass axe', async () => {
    await open([REQUEST]);
    const item = el.querySelector(`#request-${REQUEST.id}`);
    expect(textOf(item?.querySelector('h2'))).toBe('Kai');
    expect(textOf(item)).toContain('20 November 2026');
    expect(textOf(item)).toContain('The photo from <b>bowling</b>.');
    expect(item?.querySelector('b')).toBeNull();
    expect(byName(item as HTMLElement, 'record it as an erasure request').getAttribute('href')).toBe(
      `/young-people/${REQUEST.youngPerson.id}/erasure?deletionRequest=${REQUEST.id}`,
    );
    expect(await axeViolations(el)).toEqual([]);
  });

  it('should send the answer and take the request off the list', async () => {
    await open([REQUEST]);
    typeInto(byLabel<HTMLTextAreaElement>(el, 'Your answer to Kai'), 'We deleted the photo.');
    byName(el, 'Send the answer to Kai').click();
    const req = http.expectOne({ url: HANDLED, method: 'POST' });
    expect(req.request.body).toEqual({ outcome: 'We deleted the photo.' });
    req.flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    expect(el.querySelector(`#request-${REQUEST.id}`)).toBeNull();
    expect(textOf(el.querySelector('[role="status"]'))).toContain('Answered Kai’s request');
    expect(textOf(el)).toContain('No requests waiting');
    expect(await axeViolations(el)).toEqual([]);
  });

  it('should show a refusal beside the request and keep it listed', async () => {
    await open([REQUEST]);
    byName(el, 'Send the answer to Kai').click();
    http
      .expectOne(HANDLED)
      .flush(problemBody(400, 'Check the answer.', { outcome: ['Say what was decided or done.'] }), {
        status: 400,
        statusText: 'Bad Request',
      });
    await fixture.whenStable();
    const item = el.querySelector(`#request-${REQUEST.id}`);
    expect(textOf(item)).toContain('Say what was decided or done.');
    expect(await axeViolations(el)).toEqual([]);
  });
});
