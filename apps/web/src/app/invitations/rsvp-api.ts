import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { InvitationAnswerRequest, RsvpView } from '@heard/domain';
import type { Observable } from 'rxjs';

/** Relative, so Angular's XSRF interceptor adds the header to the answer. */
export const RSVP_URL = '/api/rsvp';

function one(token: string): string {
  return `${RSVP_URL}/${encodeURIComponent(token)}`;
}

/** The young person's own invite, reached by their personal link: no account, no session. */
@Injectable({ providedIn: 'root' })
export class RsvpApi {
  private readonly http = inject(HttpClient);

  get(token: string): Observable<RsvpView> {
    return this.http.get<RsvpView>(one(token));
  }

  answer(token: string, request: InvitationAnswerRequest): Observable<RsvpView> {
    return this.http.post<RsvpView>(one(token), request);
  }
}
