import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { BoardItem, BoardResponse } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import BoardPage from './board-page';
import { BOARD } from './board-words';

const THEME = { id: '0b7c1a2e-1d2c-4c3b-8a9d-1e2f3a4b5c6d', name: 'Sharing learning' };
const OTHER_THEME = { id: '5a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d', name: 'Transparency' };
const ITEM: BoardItem = {
  itemId: '3f2c6a1e-8d4b-4c1a-9e2f-1a2b3c4d5e6f',
  theme: THEME,
  month: '2026-03',
  youSaid: 'Show us what other places changed.',
  quotes: ['We want to learn from others.'],
  answers: [
    {
      answer: 'we_will',
      label: 'We will',
      words: 'We will ask two councils to come.',
      because: null,
      month: '2026-06',
    },
  ],
};
const BOARD_NOW: BoardResponse = { themes: [THEME], items: [ITEM], total: 1, page: 1, pageSize: 20 };

/** A page of a three-item board, one item a page. */
const onePage = (page: number): BoardResponse => ({
  themes: [THEME, OTHER_THEME],
  items:
    page <= 3
      ? [{ ...ITEM, itemId: ITEM.itemId.replace(/f$/, String(page)), youSaid: `Said on page ${page}.` }]
      : [],
  total: 3,
  page,
  pageSize: 1,
});

describe('BoardPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  const el = () => harness.routeNativeElement as HTMLElement;
  const link = (name: string) =>
    Array.from(el().querySelectorAll('a')).find((a) => a.textContent?.trim() === name) ?? null;
  const status = () => el().querySelector<HTMLElement>('nav [role="status"]');

  async function open(url: string): Promise<TestRequest> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'board', component: BoardPage }]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    return http.expectOne((r) => r.url === '/api/board');
  }
  async function flush(req: TestRequest, body: BoardResponse): Promise<void> {
    req.flush(body);
    await harness.fixture.whenStable();
    harness.detectChanges();
  }
  afterEach(() => http.verify());

  it('shows each pair with its months in words, the quote and a link to the item’s own page', async () => {
    const req = await open('/board');
    expect(req.request.params.keys()).toEqual([]);
    await flush(req, BOARD_NOW);
    expect(el().querySelector('h1')?.textContent).toBe(BOARD.title);
    expect(el().textContent).toContain('Show us what other places changed.');
    expect(el().textContent).toContain(`${BOARD.said} March 2026`);
    expect(el().textContent).toContain(`${BOARD.by} June 2026`);
    expect(el().querySelector('blockquote')?.textContent).toContain('We want to learn from others.');
    expect(el().querySelector('a.item-link')?.getAttribute('href')).toBe(`/board/${ITEM.itemId}`);
    expect(Array.from(el().querySelectorAll('option')).map((o) => o.textContent?.trim())).toEqual([
      BOARD.allThemes,
      THEME.name,
    ]);
    // One page: nothing to move between.
    expect(el().querySelector('nav')).toBeNull();
    expect(await axeViolations(el())).toEqual([]);
  });

  it('asks for the page in the address and links to the newer and older pages, keeping the theme', async () => {
    const req = await open(`/board?theme=${THEME.id}&page=2&pageSize=1`);
    expect(req.request.params.get('themeId')).toBe(THEME.id);
    expect(req.request.params.get('page')).toBe('2');
    expect(req.request.params.get('pageSize')).toBe('1');
    await flush(req, onePage(2));
    expect(el().textContent).toContain('Said on page 2.');
    expect(status()?.textContent?.trim()).toBe('Page 2 of 3');
    expect(el().querySelector('nav')?.getAttribute('aria-label')).toBe(BOARD.pages);
    // Every theme on the board is in the filter, not only this page's.
    expect(Array.from(el().querySelectorAll('option')).map((o) => o.textContent?.trim())).toEqual([
      BOARD.allThemes,
      THEME.name,
      OTHER_THEME.name,
    ]);
    // The first page is the board's plain address.
    expect(link(BOARD.newer)?.getAttribute('href')).toBe(`/board?theme=${THEME.id}&pageSize=1`);
    expect(link(BOARD.older)?.getAttribute('href')).toBe(`/board?theme=${THEME.id}&page=3&pageSize=1`);
    expect(await axeViolations(el())).toEqual([]);
  });

  it('moves to the older page and puts focus on "Page 3 of 3", with no older link after it', async () => {
    await flush(await open('/board?pageSize=1&page=2'), onePage(2));
    link(BOARD.older)?.click();
    await harness.fixture.whenStable();
    const next = http.expectOne((r) => r.url === '/api/board');
    expect(next.request.params.get('page')).toBe('3');
    await flush(next, onePage(3));
    expect(el().textContent).toContain('Said on page 3.');
    expect(status()?.textContent?.trim()).toBe('Page 3 of 3');
    expect(document.activeElement).toBe(status());
    expect(link(BOARD.older)).toBeNull();
    expect(link(BOARD.newer)?.getAttribute('href')).toBe('/board?pageSize=1&page=2');
    expect(await axeViolations(el())).toEqual([]);
  });

  it('says a page past the end is empty, and links back to the last page there is', async () => {
    await flush(await open('/board?pageSize=1&page=9'), onePage(9));
    expect(el().textContent).toContain(BOARD.emptyPage);
    expect(link(BOARD.newer)?.getAttribute('href')).toBe('/board?pageSize=1&page=3');
    expect(link(BOARD.older)).toBeNull();
  });

  it('leaves a page number that is not one to the API’s first page', async () => {
    const req = await open('/board?page=two&pageSize=500');
    expect(req.request.params.keys()).toEqual([]);
    await flush(req, BOARD_NOW);
    expect(el().textContent).toContain('Show us what other places changed.');
  });
});
