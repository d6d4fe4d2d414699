import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { MyResponse, RATING_SCALE } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import { RESPONSES } from './my-space-words';
import ResponsesPage from './responses-page';

const ITEM: MyResponse = {
  itemId: '3f2c6a1e-8d4b-4c1a-9e2f-1a2b3c4d5e6f',
  groupName: 'Young Experts',
  saidOn: '2026-03-04',
  youSaid: 'Tell us sooner when our review is.',
  answers: [
    { answer: 'we_did', label: 'We did', words: 'We now tell you four weeks before.', because: null },
  ],
  myRating: null,
};

describe('ResponsesPage', () => {
  let el: HTMLElement;
  let http: HttpTestingController;
  let fixture: ReturnType<typeof TestBed.createComponent<ResponsesPage>>;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [ResponsesPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    fixture = TestBed.createComponent(ResponsesPage);
    http = TestBed.inject(HttpTestingController);
    http.expectOne('/api/me/responses').flush([ITEM]);
    await fixture.whenStable();
    el = fixture.nativeElement as HTMLElement;
  });

  const send = () =>
    Array.from(el.querySelectorAll('button')).find(
      (b) => b.textContent?.trim() === RESPONSES.save,
    ) as HTMLButtonElement;

  it('shows what was said and the answer, and asks with five faces, each labelled with its words', async () => {
    expect(el.textContent).toContain(ITEM.youSaid);
    expect(el.textContent).toContain('We now tell you four weeks before.');
    expect(el.querySelector('legend')?.textContent?.trim()).toBe(RESPONSES.question);
    const labels = Array.from(el.querySelectorAll('label.face')).map((l) =>
      l.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(labels).toEqual(RATING_SCALE.map((s) => `${s.face}${s.words}`));
    // The face glyph is hidden from screen readers: the words are what they read.
    expect(el.querySelectorAll('label.face [aria-hidden="true"]')).toHaveLength(5);
    expect(await axeViolations(el)).toEqual([]);
  });

  it('asks for a face first, then sends the face and their words', async () => {
    send().click();
    await fixture.whenStable();
    expect(el.textContent).toContain(RESPONSES.chooseFace);
    http.expectNone(`/api/me/responses/${ITEM.itemId}/rating`);

    (el.querySelectorAll('input[type="radio"]')[3] as HTMLInputElement).click();
    const comment = el.querySelector('textarea') as HTMLTextAreaElement;
    comment.value = 'Tell the carers too.';
    comment.dispatchEvent(new Event('input'));
    send().click();
    const req = http.expectOne(`/api/me/responses/${ITEM.itemId}/rating`);
    expect(req.request.method).toBe('PUT');
    expect(req.request.body).toEqual({ rating: 4, comment: 'Tell the carers too.' });
    req.flush({
      ...ITEM,
      myRating: { face: RATING_SCALE[3], comment: 'Tell the carers too.', ratedAt: '2026-03-05T10:00:00Z' },
    });
    await fixture.whenStable();
    expect(el.textContent).toContain(RESPONSES.saved);
    expect(el.textContent).toContain(`${RESPONSES.yourRating} Good.`);
  });
});
