import { type Signal, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import type { PageEvent } from '@angular/material/paginator';
import { ActivatedRoute, type Params } from '@angular/router';
import type { Page, ProblemDetails } from '@heard/domain';
import { BoundedPaginatorIntl, LIST_PAGE_SIZES, type Paging } from '@heard/ui';
import { EMPTY, Subject, catchError, map, merge, of, switchMap, tap } from 'rxjs';
import type { Observable } from 'rxjs';
import { InPageNavigation, type InPageNavigationOptions } from './in-page-navigation';
import { toProblem } from './problem';

/** What a list page shows: the latest page of results and how loading it went. */
export interface ListPage<T> {
  readonly result: Signal<Page<T> | null>;
  readonly items: Signal<T[]>;
  readonly loading: Signal<boolean>;
  readonly problem: Signal<ProblemDetails | null>;
  /** Loads the current query again, e.g. after a change to one of the rows. */
  reload(): void;
  /** Puts a changed row in place without loading the page again. */
  update(change: (page: Page<T>) => Page<T>): void;
}

export interface ListPageOptions<Q, T> {
  query: Signal<Q>;
  load: (query: Q) => Observable<Page<T>>;
  /**
   * Load again whenever the query changes (a query kept in the address). Without it the page
   * calls `reload()` itself, as soon as it wants the first page.
   */
  follow?: boolean;
  /** Called with each query as it is loaded, e.g. to put its values back in the filter form. */
  showing?: (query: Q) => void;
  /** Keep the rows already shown when a load fails, rather than clear them. */
  keepOnError?: boolean;
}

/**
 * The one way a list page loads: only the latest query's answer counts, `loading` and `problem`
 * follow each request, and the total reaches the paginator's words where the page provides
 * BOUNDED_PAGINATOR_PROVIDERS. Call it in an injection context (a field or constructor).
 */
export function listPage<Q, T>(options: ListPageOptions<Q, T>): ListPage<T> {
  const paginatorWords = inject(BoundedPaginatorIntl, { optional: true });
  const result = signal<Page<T> | null>(null);
  const loading = signal(true);
  const problem = signal<ProblemDetails | null>(null);
  const requests = new Subject<Q>();

  const changes = options.follow ? toObservable(options.query) : EMPTY;
  merge(changes, requests)
    .pipe(
      tap((query) => {
        options.showing?.(query);
        loading.set(true);
        problem.set(null);
      }),
      switchMap((query) =>
        options.load(query).pipe(
          catchError((error: unknown) => {
            problem.set(toProblem(error));
            return of(null);
          }),
        ),
      ),
      takeUntilDestroyed(),
    )
    .subscribe((page) => {
      if (page || !options.keepOnError) result.set(page);
      if (page) paginatorWords?.showing(page);
      loading.set(false);
    });

  return {
    result: result.asReadonly(),
    items: computed(() => result()?.items ?? []),
    loading: loading.asReadonly(),
    problem: problem.asReadonly(),
    reload: () => requests.next(options.query()),
    update: (change) => result.update((page) => (page ? change(page) : page)),
  };
}

/** A list's query kept in the address, so a search, filter or page can be bookmarked and shared. */
export interface UrlQuery<Q> {
  readonly query: Signal<Q>;
  /** Changes the named query parameters (`null` removes one), keeping focus where it was. */
  go(params: Params, options?: InPageNavigationOptions): void;
  /** Goes to the paginator's page; the default page size stays out of the address. */
  page(event: PageEvent, defaultSize?: number): void;
}

/** Reads the query from the address with `parse`, which falls back to defaults for anything malformed. */
export function urlQuery<Q>(parse: (params: Params) => Q, initial: Q): UrlQuery<Q> {
  const route = inject(ActivatedRoute);
  const inPage = inject(InPageNavigation);
  const go = (params: Params, options?: InPageNavigationOptions) =>
    void inPage.setQueryParams(route, params, options);
  return {
    query: toSignal(route.queryParams.pipe(map(parse)), { initialValue: initial }),
    go,
    page: (event, defaultSize = 25) =>
      go({ page: event.pageIndex + 1, pageSize: event.pageSize === defaultSize ? null : event.pageSize }),
  };
}

/** The page and page size from the address; anything malformed or not offered falls back to the default. */
export function pagingFrom(params: Params, defaultSize = 25): Paging {
  const page = /^\d{1,6}$/.test(String(params['page'] ?? '')) ? Math.max(1, Number(params['page'])) : 1;
  const size = Number(params['pageSize']);
  return { page, pageSize: LIST_PAGE_SIZES.includes(size) ? size : defaultSize };
}
