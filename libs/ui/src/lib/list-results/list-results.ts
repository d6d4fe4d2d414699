import { NgTemplateOutlet } from '@angular/common';
import {
  type Signal,
  ChangeDetectionStrategy,
  Component,
  Directive,
  TemplateRef,
  booleanAttribute,
  computed,
  contentChild,
  inject,
  input,
  output,
} from '@angular/core';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { Page, ProblemDetails } from '@heard/domain';
import { ProblemAlert } from '../problem-alert/problem-alert';

/** What a list page knows about its latest load (the web app's listPage() gives one). */
export interface ListState {
  readonly result: Signal<Page<unknown> | null>;
  readonly loading: Signal<boolean>;
  readonly problem: Signal<ProblemDetails | null>;
}

/** The page sizes a list offers unless it says otherwise. */
export const LIST_PAGE_SIZES: readonly number[] = [10, 25, 50, 100];

/** Where a list is: its page (counted from 1) and page size. */
export interface Paging {
  page: number;
  pageSize: number;
}

/** The table of a list page: `<ng-template heardListTable>`. Drawn only once there is something to list. */
@Directive({ selector: 'ng-template[heardListTable]' })
export class ListTable {
  readonly template = inject<TemplateRef<unknown>>(TemplateRef);
}

/** What a list page shows when its list is empty: `<ng-template heardListEmpty>`. */
@Directive({ selector: 'ng-template[heardListEmpty]' })
export class ListEmpty {
  readonly template = inject<TemplateRef<unknown>>(TemplateRef);
}

/**
 * The results half of a list page, in the order every list uses: its `<h2>` (projected, so a page
 * can put a count in it), any messages, the load problem, the loading bar, then the empty state or
 * the table with its paginator. The section is named by the heading, and so should the table be
 * (`aria-labelledby` with the same id), so both are announced by name.
 *
 * Without a `heardListEmpty` template the table and paginator always show, for tables that say
 * "nothing yet" in a row of their own.
 */
@Component({
  selector: 'heard-list-results',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgTemplateOutlet, MatPaginatorModule, MatProgressBarModule, ProblemAlert],
  template: `
    <section [attr.aria-labelledby]="headingId()">
      <ng-content select="h2" />
      <ng-content />
      @if (list().problem(); as problem) {
        <heard-problem-alert [problem]="problem" [fieldLabels]="fieldLabels()" />
        @if (retryHint()) {
          <p class="retry">{{ retryHint() }}</p>
        }
      }
      @if (list().loading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'Loading ' + noun()" />
      }
      @if (state() === 'empty') {
        <ng-container [ngTemplateOutlet]="empty()!.template" />
        @if (pagerWhenEmpty()) {
          <ng-container [ngTemplateOutlet]="pager" />
        }
      } @else if (state() === 'table') {
        <div class="heard-table-scroll">
          <ng-container [ngTemplateOutlet]="table().template" />
        </div>
        <ng-container [ngTemplateOutlet]="pager" />
      }
    </section>

    <ng-template #pager>
      <mat-paginator
        [length]="list().result()?.total ?? 0"
        [pageIndex]="paging().page - 1"
        [pageSize]="paging().pageSize"
        [pageSizeOptions]="sizeOptions()"
        (page)="pageChange.emit($event)"
        [attr.aria-label]="'Pages of ' + noun()"
      />
    </ng-template>
  `,
  styles: `
    :host {
      display: block;
    }
    .retry {
      margin: 0 0 16px;
    }
  `,
})
export class ListResults {
  /** The id of the projected `<h2>`, which names the section. */
  readonly headingId = input.required<string>();
  readonly list = input.required<ListState>();
  /** What is listed, in the plural: "groups" makes "Loading groups" and "Pages of groups". */
  readonly noun = input.required<string>();
  readonly fieldLabels = input<Readonly<Record<string, string>>>({});
  /** What to do about a load problem; a page whose filters can cause one says what to fix. Empty for none. */
  readonly retryHint = input('Reload the page to try again.');
  readonly paging = input.required<Paging>();
  readonly pageSizes = input<readonly number[]>(LIST_PAGE_SIZES);
  /** Keep the paginator under the empty state, so its page size can still be changed. */
  readonly pagerWhenEmpty = input(false, { transform: booleanAttribute });
  readonly pageChange = output<PageEvent>();

  protected readonly sizeOptions = computed(() => [...this.pageSizes()]);
  protected readonly table = contentChild.required(ListTable);
  protected readonly empty = contentChild(ListEmpty);

  protected readonly state = computed<'none' | 'empty' | 'table'>(() => {
    const page = this.list().result();
    if (!this.empty()) return 'table';
    if (!page) return 'none';
    return page.total === 0 ? 'empty' : 'table';
  });
}
