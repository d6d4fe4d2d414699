import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { Page, ProblemDetails } from '@heard/domain';
import { ListEmpty, ListResults, ListTable, type ListState } from './list-results';

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ListResults, ListTable, ListEmpty],
  template: `
    <heard-list-results
      headingId="things-heading"
      [list]="list"
      noun="things"
      [paging]="{ page: 2, pageSize: 10 }"
    >
      <h2 id="things-heading">Things</h2>
      <p class="extra">A count</p>
      @if (withEmpty()) {
        <ng-template heardListEmpty><p class="empty">Nothing yet</p></ng-template>
      }
      <ng-template heardListTable
        ><table class="things" aria-labelledby="things-heading"></table
      ></ng-template>
    </heard-list-results>
  `,
})
class Host {
  readonly result = signal<Page<string> | null>(null);
  readonly loading = signal(true);
  readonly problem = signal<ProblemDetails | null>(null);
  readonly list: ListState = { result: this.result, loading: this.loading, problem: this.problem };
  readonly withEmpty = signal(true);
}

async function render(setUp: (host: Host) => void = () => undefined) {
  const fixture = TestBed.createComponent(Host);
  setUp(fixture.componentInstance);
  await fixture.whenStable();
  return fixture.nativeElement as HTMLElement;
}

const page = (items: string[], total = items.length): Page<string> => ({
  items,
  total,
  page: 2,
  pageSize: 10,
});

describe('ListResults', () => {
  it('names its section by the projected heading and shows only the loading bar while loading', async () => {
    const el = await render();
    expect(el.querySelector('section')?.getAttribute('aria-labelledby')).toBe('things-heading');
    expect(el.querySelector('section > h2')?.textContent).toBe('Things');
    expect(el.querySelector('.extra')).not.toBeNull();
    expect(el.querySelector('mat-progress-bar')?.getAttribute('aria-label')).toBe('Loading things');
    expect(el.querySelector('table')).toBeNull();
    expect(el.querySelector('.empty')).toBeNull();
  });

  it('shows the empty state, without a paginator, when there is nothing to list', async () => {
    const el = await render((host) => {
      host.loading.set(false);
      host.result.set(page([]));
    });
    expect(el.querySelector('.empty')?.textContent).toBe('Nothing yet');
    expect(el.querySelector('table')).toBeNull();
    expect(el.querySelector('mat-paginator')).toBeNull();
  });

  it('shows the table in its scroll box, with a paginator at the given page', async () => {
    const el = await render((host) => {
      host.loading.set(false);
      host.result.set(page(['a', 'b'], 12));
    });
    expect(el.querySelector('.heard-table-scroll table.things')).not.toBeNull();
    const paginator = el.querySelector('mat-paginator');
    expect(paginator?.getAttribute('aria-label')).toBe('Pages of things');
    expect(paginator?.textContent).toContain('11 – 12 of 12');
  });

  it('always shows the table and paginator when the page has no empty state', async () => {
    const el = await render((host) => host.withEmpty.set(false));
    expect(el.querySelector('table.things')).not.toBeNull();
    expect(el.querySelector('mat-paginator')).not.toBeNull();
  });

  it('shows a load problem with what to do next', async () => {
    const el = await render((host) => {
      host.loading.set(false);
      host.problem.set({ type: 'about:blank', title: 'Error', status: 500, detail: 'It broke.' });
    });
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('It broke.');
    expect(el.querySelector('.retry')?.textContent).toBe('Reload the page to try again.');
  });
});
