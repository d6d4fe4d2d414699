import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AttendanceStatus,
  CalendarFeedResponse,
  CalendarOccasion,
  GroupSessionDetailResponse,
  GroupSessionResponse,
} from '@heard/domain';
import type { Observable } from 'rxjs';

/** Relative, so Angular's XSRF interceptor adds the header to writes. */
export const SESSIONS_URL = '/api/sessions';
export const CALENDAR_FEEDS_URL = '/api/calendar-feeds';
export const CALENDAR_URL = '/api/calendar';

export function sessionUrl(id: string): string {
  return `${SESSIONS_URL}/${encodeURIComponent(id)}`;
}

/** Where a session's register goes, online or later from the outbox (docs/offline.md). */
export const sessionAttendanceUrl = (id: string): string => `${sessionUrl(id)}/attendance`;

export interface MoveRequest {
  date: string;
  startTime: string;
  durationMinutes?: number;
  venue?: string | null;
}

@Injectable({ providedIn: 'root' })
export class SessionsApi {
  private readonly http = inject(HttpClient);

  list(range: { from: string; to: string; groupId?: string }): Observable<GroupSessionResponse[]> {
    let params = new HttpParams().set('from', range.from).set('to', range.to);
    if (range.groupId) params = params.set('groupId', range.groupId);
    return this.http.get<GroupSessionResponse[]>(SESSIONS_URL, { params });
  }

  get(id: string): Observable<GroupSessionDetailResponse> {
    return this.http.get<GroupSessionDetailResponse>(sessionUrl(id));
  }

  updateDetails(
    id: string,
    details: { agenda?: string | null; notes?: string | null },
  ): Observable<GroupSessionDetailResponse> {
    return this.http.patch<GroupSessionDetailResponse>(sessionUrl(id), details);
  }

  move(id: string, request: MoveRequest): Observable<GroupSessionResponse> {
    return this.http.post<GroupSessionResponse>(`${sessionUrl(id)}/move`, request);
  }

  cancel(id: string, reason: string | null): Observable<GroupSessionResponse> {
    return this.http.post<GroupSessionResponse>(`${sessionUrl(id)}/cancel`, { reason });
  }

  recordAttendance(
    id: string,
    entries: { youngPersonId: string; status: AttendanceStatus }[],
  ): Observable<GroupSessionDetailResponse> {
    return this.http.put<GroupSessionDetailResponse>(sessionAttendanceUrl(id), { entries });
  }
}

/** The staff calendar: every activity day, group session and one-to-one between two days. */
@Injectable({ providedIn: 'root' })
export class CalendarApi {
  private readonly http = inject(HttpClient);

  week(range: { from: string; to: string }): Observable<CalendarOccasion[]> {
    const params = new HttpParams().set('from', range.from).set('to', range.to);
    return this.http.get<CalendarOccasion[]>(CALENDAR_URL, { params });
  }
}

@Injectable({ providedIn: 'root' })
export class CalendarFeedsApi {
  private readonly http = inject(HttpClient);

  list(): Observable<CalendarFeedResponse[]> {
    return this.http.get<CalendarFeedResponse[]>(CALENDAR_FEEDS_URL);
  }

  create(groupId: string | null): Observable<CalendarFeedResponse> {
    return this.http.post<CalendarFeedResponse>(
      CALENDAR_FEEDS_URL,
      groupId ? { scope: 'group', groupId } : { scope: 'mine' },
    );
  }

  revoke(id: string): Observable<CalendarFeedResponse> {
    return this.http.post<CalendarFeedResponse>(
      `${CALENDAR_FEEDS_URL}/${encodeURIComponent(id)}/revoke`,
      null,
    );
  }
}
