import { HttpClient, HttpHeaders } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  EvaluationLinkView,
  LinkEvaluationReceived,
  LinkEvaluationRequest,
  LinkWorryReceived,
} from '@heard/domain';
import type { Observable } from 'rxjs';

/** Relative, so Angular's XSRF interceptor adds the header to writes. */
export const EVALUATION_LINKS_URL = '/api/evaluation-links';

const link = (token: string) => `${EVALUATION_LINKS_URL}/${encodeURIComponent(token)}`;

/** A round's public link: no account, no session, the token is the only key. */
@Injectable({ providedIn: 'root' })
export class EvaluationLinkApi {
  private readonly http = inject(HttpClient);

  view(token: string): Observable<EvaluationLinkView> {
    return this.http.get<EvaluationLinkView>(link(token));
  }

  /** The key is made on the device once per set of answers, so a resend is stored once. */
  answer(
    token: string,
    idempotencyKey: string,
    request: LinkEvaluationRequest,
  ): Observable<LinkEvaluationReceived> {
    return this.http.post<LinkEvaluationReceived>(`${link(token)}/evaluations`, request, {
      headers: new HttpHeaders({ 'Idempotency-Key': idempotencyKey }),
    });
  }

  worry(token: string, words: string): Observable<LinkWorryReceived> {
    return this.http.post<LinkWorryReceived>(`${link(token)}/worries`, { words });
  }
}
