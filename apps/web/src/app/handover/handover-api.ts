import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { HandoverListItem, InvitationResponse } from '@heard/domain';
import type { Observable } from 'rxjs';
import { INVITATIONS_URL } from '../activities/activities-api';

/** Relative, so Angular's XSRF interceptor adds the header to writes. */
export const HANDOVER_URL = '/api/handover';

@Injectable({ providedIn: 'root' })
export class HandoverApi {
  private readonly http = inject(HttpClient);

  /** The signed-in trusted adult's own list. */
  list(): Observable<HandoverListItem[]> {
    return this.http.get<HandoverListItem[]>(HANDOVER_URL);
  }

  markHandedOver(invitationId: string): Observable<InvitationResponse> {
    return this.http.post<InvitationResponse>(
      `${INVITATIONS_URL}/${encodeURIComponent(invitationId)}/handed-over`,
      {},
    );
  }
}
