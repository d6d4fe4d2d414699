import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  EvaluationRoundCreated,
  EvaluationRoundRequest,
  EvaluationRoundResponse,
  EvaluationRoundSummary,
  RoundOccasionKind,
} from '@heard/domain';
import type { Observable } from 'rxjs';
import { EVALUATION_ROUNDS_URL, roundUrl } from './evaluations-api';

/**
 * The rounds held at one occasion, as one string: the day's page asks for it and "Get ready for
 * the day" keeps its answer on the device under the same URL (offline/day-store.ts).
 */
export const roundsAtOccasionUrl = (kind: RoundOccasionKind, id: string): string =>
  `${EVALUATION_ROUNDS_URL}?occasionKind=${encodeURIComponent(kind)}&occasionId=${encodeURIComponent(id)}`;

/** Setting rounds up and closing them: officers. */
@Injectable({ providedIn: 'root' })
export class EvaluationRoundsApi {
  private readonly http = inject(HttpClient);

  list(toolVersionId: string): Observable<EvaluationRoundSummary[]> {
    const params = new HttpParams().set('toolVersionId', toolVersionId);
    return this.http.get<EvaluationRoundSummary[]>(EVALUATION_ROUNDS_URL, { params });
  }

  atOccasion(kind: RoundOccasionKind, id: string): Observable<EvaluationRoundSummary[]> {
    return this.http.get<EvaluationRoundSummary[]>(roundsAtOccasionUrl(kind, id));
  }

  get(id: string): Observable<EvaluationRoundResponse> {
    return this.http.get<EvaluationRoundResponse>(roundUrl(id));
  }

  /** A link round's token is in this answer only. */
  create(request: EvaluationRoundRequest): Observable<EvaluationRoundCreated> {
    return this.http.post<EvaluationRoundCreated>(EVALUATION_ROUNDS_URL, request);
  }

  close(id: string): Observable<EvaluationRoundResponse> {
    return this.http.post<EvaluationRoundResponse>(`${roundUrl(id)}/close`, {});
  }
}
