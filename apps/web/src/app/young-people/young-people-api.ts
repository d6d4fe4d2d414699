import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  InvitationResponse,
  OneToOneResponse,
  Page,
  YoungPersonAttendance,
  YoungPersonListItem,
  YoungPersonRequest,
  YoungPersonResponse,
} from '@heard/domain';
import type { Observable } from 'rxjs';
import { type YoungPeopleListQuery, toHttpParams } from './young-people-query';

/** Relative, so Angular's XSRF interceptor adds the header to writes. */
export const YOUNG_PEOPLE_URL = '/api/young-people';
/** The team's categories: a list administrators keep (shared/kept-list-api). */
export const CATEGORIES_URL = `${YOUNG_PEOPLE_URL}/categories`;

function one(id: string): string {
  return `${YOUNG_PEOPLE_URL}/${encodeURIComponent(id)}`;
}

@Injectable({ providedIn: 'root' })
export class YoungPeopleApi {
  private readonly http = inject(HttpClient);

  list(query: YoungPeopleListQuery): Observable<Page<YoungPersonListItem>> {
    return this.http.get<Page<YoungPersonListItem>>(YOUNG_PEOPLE_URL, { params: toHttpParams(query) });
  }

  /** A few young people whose name matches, for pickers (e.g. adding someone to a group). */
  search(q: string, pageSize = 10): Observable<Page<YoungPersonListItem>> {
    const params = new HttpParams().set('q', q.trim()).set('pageSize', pageSize).set('sort', 'name');
    return this.http.get<Page<YoungPersonListItem>>(YOUNG_PEOPLE_URL, { params });
  }

  get(id: string): Observable<YoungPersonResponse> {
    return this.http.get<YoungPersonResponse>(one(id));
  }

  attendance(id: string): Observable<YoungPersonAttendance> {
    return this.http.get<YoungPersonAttendance>(`${one(id)}/attendance`);
  }

  /** Their invitations, newest first: officers only, like the list they come from. */
  invitations(id: string, pageSize = 50): Observable<Page<InvitationResponse>> {
    const params = new HttpParams().set('youngPersonId', id).set('pageSize', pageSize);
    return this.http.get<Page<InvitationResponse>>('/api/invitations', { params });
  }

  /** Their one-to-ones, open ones first: officers only. */
  oneToOnes(id: string): Observable<OneToOneResponse[]> {
    return this.http.get<OneToOneResponse[]>('/api/one-to-ones', {
      params: new HttpParams().set('youngPersonId', id),
    });
  }

  create(request: YoungPersonRequest): Observable<YoungPersonResponse> {
    return this.http.post<YoungPersonResponse>(YOUNG_PEOPLE_URL, request);
  }

  update(id: string, request: YoungPersonRequest): Observable<YoungPersonResponse> {
    return this.http.put<YoungPersonResponse>(one(id), request);
  }

  archive(id: string, reason: string | null): Observable<YoungPersonResponse> {
    return this.http.post<YoungPersonResponse>(`${one(id)}/archive`, { reason });
  }
}
