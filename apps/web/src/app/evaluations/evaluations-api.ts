import { HttpClient, HttpHeaders } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  EvaluationEditRequest,
  EvaluationEntryRequest,
  EvaluationListItem,
  EvaluationRoundResponse,
  EvaluationWithPrompts,
  HowOftenAskedResponse,
  QuoteView,
  RaiseWorryFromEvaluationRequest,
  WorryRaisedResponse,
  YouSaidItemResponse,
  YouSaidRequest,
} from '@heard/domain';
import type { Observable } from 'rxjs';

/** Relative, so Angular's XSRF interceptor adds the header to writes. */
export const EVALUATION_ROUNDS_URL = '/api/evaluation-rounds';
export const EVALUATIONS_URL = '/api/evaluations';

export const roundUrl = (id: string): string => `${EVALUATION_ROUNDS_URL}/${encodeURIComponent(id)}`;
const evaluation = (id: string) => `${EVALUATIONS_URL}/${encodeURIComponent(id)}`;
/** Where an officer's evaluations for a round go: `enter` online, the outbox without signal. */
export const evaluationEntryUrl = (roundId: string): string => `${roundUrl(roundId)}/evaluations`;

@Injectable({ providedIn: 'root' })
export class EvaluationsApi {
  private readonly http = inject(HttpClient);

  getRound(id: string): Observable<EvaluationRoundResponse> {
    return this.http.get<EvaluationRoundResponse>(roundUrl(id));
  }

  /** The key makes a resend after a dropped connection land once. */
  enter(
    roundId: string,
    idempotencyKey: string,
    request: EvaluationEntryRequest,
  ): Observable<EvaluationWithPrompts> {
    return this.http.post<EvaluationWithPrompts>(evaluationEntryUrl(roundId), request, {
      headers: new HttpHeaders({ 'Idempotency-Key': idempotencyKey }),
    });
  }

  listEvaluations(roundId: string): Observable<EvaluationListItem[]> {
    return this.http.get<EvaluationListItem[]>(evaluationEntryUrl(roundId));
  }

  edit(id: string, request: EvaluationEditRequest): Observable<EvaluationWithPrompts> {
    return this.http.patch<EvaluationWithPrompts>(evaluation(id), request);
  }

  raiseWorry(id: string, request: RaiseWorryFromEvaluationRequest): Observable<WorryRaisedResponse> {
    return this.http.post<WorryRaisedResponse>(`${evaluation(id)}/worries`, request);
  }

  quote(id: string, step: 'choose' | 'unchoose'): Observable<QuoteView> {
    return this.http.post<QuoteView>(`${evaluation(id)}/quote/${step}`, {});
  }

  publishQuote(id: string, where: string): Observable<QuoteView> {
    return this.http.post<QuoteView>(`${evaluation(id)}/quote/publish`, { where });
  }

  makeYouSaid(id: string, request: YouSaidRequest): Observable<YouSaidItemResponse> {
    return this.http.post<YouSaidItemResponse>(`${evaluation(id)}/you-said`, request);
  }

  howOftenAsked(youngPersonIds: readonly string[]): Observable<HowOftenAskedResponse[]> {
    return this.http.get<HowOftenAskedResponse[]>(`${EVALUATIONS_URL}/how-often-asked`, {
      params: { ids: youngPersonIds.join(',') },
    });
  }
}
