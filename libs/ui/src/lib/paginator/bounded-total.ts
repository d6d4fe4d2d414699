import { Injectable, type Provider } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';
import type { Page } from '@heard/domain';

type Total = Pick<Page<unknown>, 'total' | 'totalIsLowerBound'>;

/** "1,234", or "more than 1,000" when the server stopped counting (see countLimitFor). */
export function totalWords(page: Total): string {
  return page.totalIsLowerBound
    ? `more than ${(page.total - 1).toLocaleString('en-GB')}`
    : page.total.toLocaleString('en-GB');
}

/** "More than 1,000" where `totalWords` opens a sentence or stands alone. */
export function sentenceStart(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Paginator words for lists whose total may be a lower bound. Provide it on the page's component
 * with `providers: BOUNDED_PAGINATOR_PROVIDERS`, then inject it to call `showing` with each page.
 */
@Injectable()
export class BoundedPaginatorIntl extends MatPaginatorIntl {
  private current: Total = { total: 0 };

  showing(page: Total): void {
    this.current = page;
    this.changes.next();
  }

  override getRangeLabel = (page: number, pageSize: number, length: number): string => {
    if (length === 0) return '0 of 0';
    const start = page * pageSize + 1;
    const end = Math.min(length, (page + 1) * pageSize);
    const of = this.current.total === length ? totalWords(this.current) : length.toLocaleString('en-GB');
    return `${start} – ${end} of ${of}`;
  };
}

/**
 * For a page component's `providers`: one BoundedPaginatorIntl that the page injects to report its
 * total and that the paginator reads as its MatPaginatorIntl.
 */
export const BOUNDED_PAGINATOR_PROVIDERS: Provider[] = [
  BoundedPaginatorIntl,
  { provide: MatPaginatorIntl, useExisting: BoundedPaginatorIntl },
];
