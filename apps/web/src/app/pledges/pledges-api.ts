import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  PledgeConfirmationRequest,
  PledgeCreateRequest,
  PledgeGroupViewRequest,
  PledgeLinkRequest,
  PledgeListResponse,
  PledgePerson,
  PledgeProgressRequest,
  PledgeResponse,
  PledgeTimelineEntry,
  PledgeUpdateRequest,
} from '@heard/domain';
import type { Observable } from 'rxjs';

/** Relative, so Angular's XSRF interceptor adds the header to writes. */
export const PLEDGES_URL = '/api/pledges';
const pledge = (id: string) => `${PLEDGES_URL}/${encodeURIComponent(id)}`;

/** Senior leaders' pledges: a leader's own, or every one for an officer (the API decides). */
@Injectable({ providedIn: 'root' })
export class PledgesApi {
  private readonly http = inject(HttpClient);

  list(page = 1, pageSize = 50): Observable<PledgeListResponse> {
    const params = new HttpParams().set('page', page).set('pageSize', pageSize);
    return this.http.get<PledgeListResponse>(PLEDGES_URL, { params });
  }

  get(id: string): Observable<PledgeResponse> {
    return this.http.get<PledgeResponse>(pledge(id));
  }

  timeline(id: string): Observable<PledgeTimelineEntry[]> {
    return this.http.get<PledgeTimelineEntry[]>(`${pledge(id)}/timeline`);
  }

  /** The active senior leaders an officer may record a pledge for. */
  leaders(): Observable<PledgePerson[]> {
    return this.http.get<PledgePerson[]>(`${PLEDGES_URL}/leaders`);
  }

  create(request: PledgeCreateRequest): Observable<PledgeResponse> {
    return this.http.post<PledgeResponse>(PLEDGES_URL, request);
  }

  confirm(id: string, request: PledgeConfirmationRequest): Observable<PledgeResponse> {
    return this.http.post<PledgeResponse>(`${pledge(id)}/confirmation`, request);
  }

  addProgress(id: string, request: PledgeProgressRequest): Observable<PledgeResponse> {
    return this.http.post<PledgeResponse>(`${pledge(id)}/updates`, request);
  }

  groupView(id: string, request: PledgeGroupViewRequest): Observable<PledgeResponse> {
    return this.http.post<PledgeResponse>(`${pledge(id)}/group-views`, request);
  }

  /** Its leader changes its details, completes it or withdraws it; 409 when it changed since `expectedUpdatedAt`. */
  update(id: string, request: PledgeUpdateRequest): Observable<PledgeResponse> {
    return this.http.patch<PledgeResponse>(pledge(id), request);
  }

  /** Links it to a You said item or an action (one a request); 409 when it is linked already. */
  link(id: string, request: PledgeLinkRequest): Observable<PledgeResponse> {
    return this.http.post<PledgeResponse>(`${pledge(id)}/links`, request);
  }

  /** Takes a link to a You said item or an action away; 404 when it is not linked. */
  unlink(id: string, request: PledgeLinkRequest): Observable<PledgeResponse> {
    return this.http.post<PledgeResponse>(`${pledge(id)}/unlink`, request);
  }
}
