import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ItemPublicationResponse, ItemRatingsResponse, RATING_SCALE } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import { ItemPublication } from './item-publication';
import { ItemRatings } from './item-ratings';

const ITEM_ID = '3f2c6a1e-8d4b-4c1a-9e2f-1a2b3c4d5e6f';
const ACTION_ID = '0b7c1a2e-1d2c-4c3b-8a9d-1e2f3a4b5c6d';
const QUOTE_OK = '1a2b3c4d-1d2c-4c3b-8a9d-1e2f3a4b5c6d';
const QUOTE_NO_CONSENT = '2a2b3c4d-1d2c-4c3b-8a9d-1e2f3a4b5c6d';

function setUp<T>(component: new () => T) {
  TestBed.configureTestingModule({
    imports: [component],
    providers: [provideHttpClient(), provideHttpClientTesting()],
  });
  const fixture = TestBed.createComponent(component);
  fixture.componentRef.setInput('itemId', ITEM_ID);
  fixture.detectChanges();
  return { fixture, http: TestBed.inject(HttpTestingController), el: fixture.nativeElement as HTMLElement };
}

describe('ItemRatings', () => {
  it('shows each rating in words beside its comment, and every face counted: never an average', async () => {
    const { fixture, http, el } = setUp(ItemRatings);
    const ratings: ItemRatingsResponse = {
      itemId: ITEM_ID,
      youSaid: 'Tell us sooner.',
      faces: RATING_SCALE.map((face) => ({ face, count: face.value === 4 ? 1 : 0 })),
      ratings: [
        { id: 'r1', face: RATING_SCALE[3], comment: 'Tell carers too.', ratedAt: '2026-03-05T10:00:00Z' },
      ],
    };
    http.expectOne(`/api/action-log/items/${ITEM_ID}/ratings`).flush(ratings);
    await fixture.whenStable();
    expect(el.textContent).toContain('Really bad: 0');
    expect(el.textContent).toContain('Good: 1');
    expect(el.querySelector('li')?.textContent).toContain('Good');
    expect(el.querySelector('q')?.textContent).toBe('Tell carers too.');
    expect(el.textContent?.toLowerCase()).not.toContain('average');
    expect(await axeViolations(el)).toEqual([]);
  });
});

describe('ItemPublication', () => {
  const publication = (publishedAt: string | null): ItemPublicationResponse => ({
    itemId: ITEM_ID,
    youngWords: 'Tell us sooner.',
    readingLevel: { forAge: 10, readingAge: 8, hardSentences: [] },
    pairs: [
      {
        actionId: ACTION_ID,
        answer: 'we_did',
        label: 'We did',
        youngWords: 'We tell you four weeks before.',
        publishedAt,
        quoteIds: publishedAt ? [QUOTE_OK] : [],
      },
    ],
    quotes: [
      { id: QUOTE_OK, words: 'Every time, the day before.', needsConsent: true, consentInForce: true },
      { id: QUOTE_NO_CONSENT, words: 'I never knew.', needsConsent: true, consentInForce: false },
    ],
  });

  it('publishes with the chosen quotes only, never one without consent, and says so when done', async () => {
    const { fixture, http, el } = setUp(ItemPublication);
    http.expectOne(`/api/action-log/items/${ITEM_ID}/publication`).flush(publication(null));
    await fixture.whenStable();
    expect(el.textContent).toContain('Reads at about age 8');
    const boxes = Array.from(el.querySelectorAll('input[type="checkbox"]')) as HTMLInputElement[];
    expect(boxes.map((b) => b.disabled)).toEqual([false, true]);
    expect(await axeViolations(el)).toEqual([]);
    const changed: ItemPublicationResponse[] = [];
    fixture.componentInstance.changed.subscribe((p) => changed.push(p));

    boxes[0].click();
    (
      Array.from(el.querySelectorAll('button')).find(
        (b) => b.textContent?.trim() === 'Publish',
      ) as HTMLButtonElement
    ).click();
    const req = http.expectOne(`/api/action-log/answers/${ACTION_ID}/${ITEM_ID}/publication`);
    expect(req.request.method).toBe('PUT');
    expect(req.request.body).toEqual({ quoteIds: [QUOTE_OK] });
    req.flush(publication('2026-03-05T10:00:00Z'));
    await fixture.whenStable();
    expect(changed).toHaveLength(1);
    expect(el.textContent).toContain('Take off the board');
  });

  it('publishes a pair on the board again, with the quotes as chosen now', async () => {
    const { fixture, http, el } = setUp(ItemPublication);
    http.expectOne(`/api/action-log/items/${ITEM_ID}/publication`).flush(publication('2026-03-05T10:00:00Z'));
    await fixture.whenStable();
    const changed: ItemPublicationResponse[] = [];
    fixture.componentInstance.changed.subscribe((p) => changed.push(p));
    (
      Array.from(el.querySelectorAll('button')).find(
        (b) => b.textContent?.trim() === 'Update on the board',
      ) as HTMLButtonElement
    ).click();
    const req = http.expectOne(`/api/action-log/answers/${ACTION_ID}/${ITEM_ID}/publication`);
    expect(req.request.method).toBe('PUT');
    expect(req.request.body).toEqual({ quoteIds: [QUOTE_OK] });
    req.flush(publication('2026-03-05T10:00:00Z'));
    await fixture.whenStable();
    expect(changed).toHaveLength(1);
  });

  it('measures the young words as the officer types', async () => {
    const { fixture, http, el } = setUp(ItemPublication);
    http.expectOne(`/api/action-log/items/${ITEM_ID}/publication`).flush(publication(null));
    await fixture.whenStable();
    const box = el.querySelector('textarea') as HTMLTextAreaElement;
    // The measure waits for a pause in typing: the pause is played on a fake clock, not waited for.
    jest.useFakeTimers();
    box.value = 'Consent to the publication of attributable quotations is recorded independently.';
    box.dispatchEvent(new Event('input'));
    http.expectNone('/api/action-log/reading-level');
    jest.advanceTimersByTime(400);
    jest.useRealTimers();
    http
      .expectOne('/api/action-log/reading-level')
      .flush({ forAge: 10, readingAge: null, hardSentences: [box.value] });
    await fixture.whenStable();
    expect(el.textContent).toContain('Hard to read, even for adults.');
  });
});
