import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ActivityConsentMatrix,
  ActivityDayListItem,
  ActivityDayRequest,
  ActivityDayResponse,
  ActivityStatus,
  DaySheetResponse,
  FunnelResponse,
  InvitationResponse,
  InvitationSuggestionsResponse,
  Page,
} from '@heard/domain';
import type { Observable } from 'rxjs';

/** Relative, so Angular's XSRF interceptor adds the header to writes. */
export const ACTIVITIES_URL = '/api/activities';
export const FUNNEL_URL = '/api/funnel';

export function activityUrl(id: string): string {
  return `${ACTIVITIES_URL}/${encodeURIComponent(id)}`;
}

/** Where a day's marks go, online or later from the outbox (docs/offline.md). */
export const activityAttendanceUrl = (id: string): string => `${activityUrl(id)}/attendance`;

export interface ActivityListQuery {
  from?: string;
  to?: string;
  status?: ActivityStatus;
  page: number;
  pageSize: number;
}

export interface ActivityMove {
  date: string;
  startTime: string;
  endTime: string;
  reason: string | null;
}

export interface AttendanceMark {
  youngPersonId: string;
  attended: boolean;
  overrideReason?: string;
}

/**
 * Activity days, who is invited to each, their consents, day sheet and funnel
 * (docs/activities-invitations-consent.md). Writes to an invitation itself go through InvitationsApi.
 */
@Injectable({ providedIn: 'root' })
export class ActivitiesApi {
  private readonly http = inject(HttpClient);

  list(query: ActivityListQuery): Observable<Page<ActivityDayListItem>> {
    let params = new HttpParams().set('page', query.page).set('pageSize', query.pageSize);
    if (query.from) params = params.set('from', query.from);
    if (query.to) params = params.set('to', query.to);
    if (query.status) params = params.set('status', query.status);
    return this.http.get<Page<ActivityDayListItem>>(ACTIVITIES_URL, { params });
  }

  get(id: string): Observable<ActivityDayResponse> {
    return this.http.get<ActivityDayResponse>(activityUrl(id));
  }

  create(request: ActivityDayRequest): Observable<ActivityDayResponse> {
    return this.http.post<ActivityDayResponse>(ACTIVITIES_URL, request);
  }

  update(id: string, request: ActivityDayRequest): Observable<ActivityDayResponse> {
    return this.http.put<ActivityDayResponse>(activityUrl(id), request);
  }

  move(id: string, request: ActivityMove): Observable<ActivityDayResponse> {
    return this.http.post<ActivityDayResponse>(`${activityUrl(id)}/move`, request);
  }

  cancel(id: string, reason: string): Observable<ActivityDayResponse> {
    return this.http.post<ActivityDayResponse>(`${activityUrl(id)}/cancel`, { reason });
  }

  suggestions(id: string): Observable<InvitationSuggestionsResponse> {
    return this.http.get<InvitationSuggestionsResponse>(`${activityUrl(id)}/suggestions`);
  }

  invitations(id: string): Observable<InvitationResponse[]> {
    return this.http.get<InvitationResponse[]>(`${activityUrl(id)}/invitations`);
  }

  consents(id: string): Observable<ActivityConsentMatrix> {
    return this.http.get<ActivityConsentMatrix>(`${activityUrl(id)}/consents`);
  }

  daySheet(id: string): Observable<DaySheetResponse> {
    return this.http.get<DaySheetResponse>(`${activityUrl(id)}/day-sheet`);
  }

  markAttendance(id: string, mark: AttendanceMark): Observable<InvitationResponse> {
    return this.http.post<InvitationResponse>(activityAttendanceUrl(id), mark);
  }

  funnel(id: string): Observable<FunnelResponse> {
    return this.http.get<FunnelResponse>(`${activityUrl(id)}/funnel`);
  }

  funnelOver(from: string, to: string): Observable<FunnelResponse> {
    return this.http.get<FunnelResponse>(FUNNEL_URL, {
      params: new HttpParams().set('from', from).set('to', to),
    });
  }
}
