import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  EvaluationRoundCreated,
  EvaluationRoundRequest,
  EvaluationRoundResponse,
  EvaluationRoundSummary,
} from '@heard/domain';
import type { Observable } from 'rxjs';
import { EVALUATION_ROUNDS_URL } from './evaluations-api';

/** Setting rounds up and closing them: officers. */
@Injectable({ providedIn: 'root' })
export class EvaluationRoundsApi {
  private readonly http = inject(HttpClient);

  list(toolVersionId: string): Observable<EvaluationRoundSummary[]> {
    const params = new HttpParams().set('toolVersionId', toolVersionId);
    return this.http.get<EvaluationRoundSummary[]>(EVALUATION_ROUNDS_URL, { params });
  }

  get(id: string): Observable<EvaluationRoundResponse> {
    return this.http.get<EvaluationRoundResponse>(`${EVALUATION_ROUNDS_URL}/${encodeURIComponent(id)}`);
  }

  /** A link round's token is in this answer only. */
  create(request: EvaluationRoundRequest): Observable<EvaluationRoundCreated> {
    return this.http.post<EvaluationRoundCreated>(EVALUATION_ROUNDS_URL, request);
  }

  close(id: string): Observable<EvaluationRoundResponse> {
    return this.http.post<EvaluationRoundResponse>(
      `${EVALUATION_ROUNDS_URL}/${encodeURIComponent(id)}/close`,
      {},
    );
  }
}
