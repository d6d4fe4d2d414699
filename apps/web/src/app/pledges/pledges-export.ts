import { HttpParams } from '@angular/common/http';
import type { Period } from '../period/period';
import { PLEDGES_URL } from './pledges-api';

export type SpreadsheetFormat = 'csv' | 'xlsx';

/** A period's pledges as a spreadsheet: a plain link, so the browser downloads it with the session cookie. */
export function pledgesExportUrl(format: SpreadsheetFormat, period: Period): string {
  const params = new HttpParams().set('from', period.from).set('to', period.to);
  return `${PLEDGES_URL}/export.${format}?${params.toString()}`;
}
