import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AgeingOutEntry,
  GenerateSessionsResponse,
  GroupAttendance,
  GroupRequest,
  GroupResponse,
  GroupSessionResponse,
  GroupSummary,
  MembershipResponse,
  MembershipRole,
  Page,
  PatternException,
} from '@heard/domain';
import type { Observable } from 'rxjs';

/** Relative, so Angular's XSRF interceptor adds the header to writes. */
export const GROUPS_URL = '/api/groups';

function one(id: string): string {
  return `${GROUPS_URL}/${encodeURIComponent(id)}`;
}

export interface JoinRequest {
  youngPersonId: string;
  role: MembershipRole;
  joinedOn: string;
  overrideReason?: string;
}

export interface OneOffSessionRequest {
  date: string;
  startTime: string;
  durationMinutes: number;
  venue?: string | null;
  agenda?: string | null;
}

@Injectable({ providedIn: 'root' })
export class GroupsApi {
  private readonly http = inject(HttpClient);

  list(q: string, page: number, pageSize: number): Observable<Page<GroupSummary>> {
    let params = new HttpParams().set('page', page).set('pageSize', pageSize);
    if (q.trim()) params = params.set('q', q.trim());
    return this.http.get<Page<GroupSummary>>(GROUPS_URL, { params });
  }

  get(id: string): Observable<GroupResponse> {
    return this.http.get<GroupResponse>(one(id));
  }

  create(request: GroupRequest): Observable<GroupResponse> {
    return this.http.post<GroupResponse>(GROUPS_URL, request);
  }

  update(id: string, request: GroupRequest): Observable<GroupResponse> {
    return this.http.put<GroupResponse>(one(id), request);
  }

  members(id: string, on?: string): Observable<MembershipResponse[]> {
    const params = on ? new HttpParams().set('on', on) : undefined;
    return this.http.get<MembershipResponse[]>(`${one(id)}/members`, { params });
  }

  join(id: string, request: JoinRequest): Observable<MembershipResponse> {
    return this.http.post<MembershipResponse>(`${one(id)}/members`, request);
  }

  leave(id: string, membershipId: string, leftOn: string): Observable<MembershipResponse> {
    return this.http.post<MembershipResponse>(
      `${one(id)}/members/${encodeURIComponent(membershipId)}/leave`,
      { leftOn },
    );
  }

  addException(id: string, exception: PatternException): Observable<void> {
    return this.http.post<void>(`${one(id)}/exceptions`, exception);
  }

  generateSessions(id: string, until?: string): Observable<GenerateSessionsResponse> {
    return this.http.post<GenerateSessionsResponse>(`${one(id)}/sessions/generate`, until ? { until } : {});
  }

  addOneOff(id: string, request: OneOffSessionRequest): Observable<GroupSessionResponse> {
    return this.http.post<GroupSessionResponse>(`${one(id)}/sessions`, request);
  }

  attendance(id: string): Observable<GroupAttendance> {
    return this.http.get<GroupAttendance>(`${one(id)}/attendance`);
  }

  ageingOut(on: string): Observable<AgeingOutEntry[]> {
    return this.http.get<AgeingOutEntry[]>(`${GROUPS_URL}/ageing-out`, {
      params: new HttpParams().set('on', on),
    });
  }
}
