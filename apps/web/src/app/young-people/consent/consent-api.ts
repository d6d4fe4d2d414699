import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ActivityDayListItem,
  ConsentPanelResponse,
  ConsentRecordRequest,
  ConsentRecordResponse,
  ConsentWithdrawRequest,
  Page,
} from '@heard/domain';
import type { Observable } from 'rxjs';
import { ACTIVITIES_URL } from '../../activities/activities-api';
import { YOUNG_PEOPLE_URL } from '../young-people-api';

/** Relative, so Angular's XSRF interceptor adds the header to writes. */
export const CONSENTS_URL = '/api/consents';

function consentsOf(youngPersonId: string): string {
  return `${YOUNG_PEOPLE_URL}/${encodeURIComponent(youngPersonId)}/consents`;
}

@Injectable({ providedIn: 'root' })
export class ConsentApi {
  private readonly http = inject(HttpClient);

  panel(youngPersonId: string): Observable<ConsentPanelResponse> {
    return this.http.get<ConsentPanelResponse>(consentsOf(youngPersonId));
  }

  record(youngPersonId: string, request: ConsentRecordRequest): Observable<ConsentRecordResponse> {
    return this.http.post<ConsentRecordResponse>(consentsOf(youngPersonId), request);
  }

  withdraw(consentId: string, request: ConsentWithdrawRequest): Observable<ConsentRecordResponse> {
    return this.http.post<ConsentRecordResponse>(
      `${CONSENTS_URL}/${encodeURIComponent(consentId)}/withdraw`,
      request,
    );
  }

  /** Activity days from a date on, for choosing the one a consent is for. */
  activitiesFrom(from: string): Observable<Page<ActivityDayListItem>> {
    const params = new HttpParams().set('from', from).set('pageSize', 100);
    return this.http.get<Page<ActivityDayListItem>>(ACTIVITIES_URL, { params });
  }
}
