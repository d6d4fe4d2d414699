import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { RoundResults, VersionChange } from '@heard/domain';
import type { Observable } from 'rxjs';
import { EVALUATION_ROUNDS_URL } from './evaluations-api';

const round = (id: string) => `${EVALUATION_ROUNDS_URL}/${encodeURIComponent(id)}`;

/** Where the browser downloads a round's results as CSV: a plain link, sent with the session cookie. */
export const resultsCsvUrl = (roundId: string): string => `${round(roundId)}/results.csv`;

@Injectable({ providedIn: 'root' })
export class EvaluationResultsApi {
  private readonly http = inject(HttpClient);

  forRound(id: string): Observable<RoundResults> {
    return this.http.get<RoundResults>(`${round(id)}/results`);
  }

  /** A tool's change between versions: each version's distribution side by side, per question. */
  forTool(toolId: string): Observable<VersionChange> {
    return this.http.get<VersionChange>(`/api/practice-tools/${encodeURIComponent(toolId)}/results`);
  }
}
