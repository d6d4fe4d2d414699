import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { BoardResponse } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import BoardPage from './board-page';
import { BOARD } from './board-words';

const THEME = { id: '0b7c1a2e-1d2c-4c3b-8a9d-1e2f3a4b5c6d', name: 'Sharing learning' };
const BOARD_NOW: BoardResponse = {
  themes: [THEME],
  items: [
    {
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
    },
  ],
};

describe('BoardPage', () => {
  let el: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [BoardPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    const fixture = TestBed.createComponent(BoardPage);
    const http = TestBed.inject(HttpTestingController);
    for (const req of http.match('/api/board')) req.flush(BOARD_NOW);
    await fixture.whenStable();
    fixture.detectChanges();
    el = fixture.nativeElement as HTMLElement;
  });

  it('shows each pair with its months in words, the quote and a link to the item’s own page', async () => {
    expect(el.querySelector('h1')?.textContent).toBe(BOARD.title);
    expect(el.textContent).toContain('Show us what other places changed.');
    expect(el.textContent).toContain(`${BOARD.said} March 2026`);
    expect(el.textContent).toContain(`${BOARD.by} June 2026`);
    expect(el.querySelector('blockquote')?.textContent).toContain('We want to learn from others.');
    expect(el.querySelector('a.item-link')?.getAttribute('href')).toBe(`/board/${BOARD_NOW.items[0].itemId}`);
    expect(Array.from(el.querySelectorAll('option')).map((o) => o.textContent?.trim())).toEqual([
      BOARD.allThemes,
      THEME.name,
    ]);
    expect(await axeViolations(el)).toEqual([]);
  });
});
