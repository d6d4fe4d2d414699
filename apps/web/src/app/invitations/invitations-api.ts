import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ByHandListResponse,
  HandoverListItem,
  InvitationAnswerRequest,
  InvitationCreateRequest,
  InvitationCreateResponse,
  InvitationResponse,
} from '@heard/domain';
import type { Observable } from 'rxjs';

/** Relative, so Angular's XSRF interceptor adds the header to writes. */
export const INVITATIONS_URL = '/api/invitations';
export const HANDOVER_URL = '/api/handover';
export const BY_HAND_URL = `${INVITATIONS_URL}/by-hand`;

function invitation(id: string): string {
  return `${INVITATIONS_URL}/${encodeURIComponent(id)}`;
}

/** Where a letter invitation's printable PDF is, for a plain link. */
export function letterUrl(invitationId: string): string {
  return `${invitation(invitationId)}/letter`;
}

/**
 * Writes to invitations, whatever they invite to (the API's invitations feature). Lists of an
 * occasion's invitations are read through that occasion's API.
 */
@Injectable({ providedIn: 'root' })
export class InvitationsApi {
  private readonly http = inject(HttpClient);

  invite(request: InvitationCreateRequest): Observable<InvitationCreateResponse> {
    return this.http.post<InvitationCreateResponse>(INVITATIONS_URL, request);
  }

  send(invitationId: string): Observable<InvitationResponse> {
    return this.http.post<InvitationResponse>(`${invitation(invitationId)}/send`, {});
  }

  answer(invitationId: string, request: InvitationAnswerRequest): Observable<InvitationResponse> {
    return this.http.post<InvitationResponse>(`${invitation(invitationId)}/answer`, request);
  }

  withdraw(invitationId: string, reason: string | null): Observable<InvitationResponse> {
    return this.http.post<InvitationResponse>(`${invitation(invitationId)}/withdraw`, { reason });
  }

  /** The signed-in trusted adult's own invitations to pass on. */
  handoverList(): Observable<HandoverListItem[]> {
    return this.http.get<HandoverListItem[]>(HANDOVER_URL);
  }

  /** A trusted adult says they passed a letter or message on. */
  markHandedOver(invitationId: string): Observable<InvitationResponse> {
    return this.http.post<InvitationResponse>(`${invitation(invitationId)}/handed-over`, {});
  }

  /** The officers' list of what Heard cannot do itself: invitations to deliver, changes to tell. */
  byHand(): Observable<ByHandListResponse> {
    return this.http.get<ByHandListResponse>(BY_HAND_URL);
  }

  /** Someone says an invitation to deliver reached the young person. */
  markDelivered(invitationId: string): Observable<InvitationResponse> {
    return this.http.post<InvitationResponse>(`${invitation(invitationId)}/delivered`, {});
  }

  /** Someone says they told the young person about a change. */
  markTold(invitationId: string): Observable<InvitationResponse> {
    return this.http.post<InvitationResponse>(`${invitation(invitationId)}/told`, {});
  }

  /** An officer phoned the parent or carer who gets a copy of this invitation. */
  markParentCarerTold(invitationId: string): Observable<InvitationResponse> {
    return this.http.post<InvitationResponse>(`${invitation(invitationId)}/parent-carer-told`, {});
  }
}
