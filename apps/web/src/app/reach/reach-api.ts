import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Reach } from '@heard/domain';
import { Observable } from 'rxjs';
import type { Period } from '../period/period';
import type { SpreadsheetFormat } from '../pledges/pledges-export';

export const REACH_URL = '/api/reach';

const periodParams = ({ from, to }: Period) => new HttpParams().set('from', from).set('to', to);

@Injectable({ providedIn: 'root' })
export class ReachApi {
  private readonly http = inject(HttpClient);

  reach(period: Period): Observable<Reach> {
    return this.http.get<Reach>(REACH_URL, { params: periodParams(period) });
  }
}

/** A period's reach table as a spreadsheet: a plain link, so the browser downloads it with the session cookie. */
export function reachExportUrl(format: SpreadsheetFormat, period: Period): string {
  return `${REACH_URL}/export.${format}?${periodParams(period).toString()}`;
}
