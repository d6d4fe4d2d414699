import { HttpClient, HttpHeaders } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { EvaluationEntryRequest, EvaluationResponse, EvaluationRoundResponse } from '@heard/domain';
import type { Observable } from 'rxjs';

/** Relative, so Angular's XSRF interceptor adds the header to writes. */
export const EVALUATION_ROUNDS_URL = '/api/evaluation-rounds';

const round = (id: string) => `${EVALUATION_ROUNDS_URL}/${encodeURIComponent(id)}`;

@Injectable({ providedIn: 'root' })
export class EvaluationsApi {
  private readonly http = inject(HttpClient);

  getRound(id: string): Observable<EvaluationRoundResponse> {
    return this.http.get<EvaluationRoundResponse>(round(id));
  }

  /** The key makes a resend after a dropped connection land once. */
  enter(
    roundId: string,
    idempotencyKey: string,
    request: EvaluationEntryRequest,
  ): Observable<EvaluationResponse> {
    return this.http.post<EvaluationResponse>(`${round(roundId)}/evaluations`, request, {
      headers: new HttpHeaders({ 'Idempotency-Key': idempotencyKey }),
    });
  }
}
