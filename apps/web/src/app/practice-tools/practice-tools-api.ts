import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  Page,
  PracticeToolRequest,
  PracticeToolResponse,
  PracticeToolStage,
  PracticeToolStageMoveRequest,
  PracticeToolSummary,
  PracticeToolVersionRequest,
} from '@heard/domain';
import type { Observable } from 'rxjs';

/** Relative, so Angular's XSRF interceptor adds the header to writes. */
export const PRACTICE_TOOLS_URL = '/api/practice-tools';

function one(id: string): string {
  return `${PRACTICE_TOOLS_URL}/${encodeURIComponent(id)}`;
}

@Injectable({ providedIn: 'root' })
export class PracticeToolsApi {
  private readonly http = inject(HttpClient);

  list(
    stage: PracticeToolStage | null,
    page: number,
    pageSize: number,
  ): Observable<Page<PracticeToolSummary>> {
    let params = new HttpParams().set('page', page).set('pageSize', pageSize);
    if (stage) params = params.set('stage', stage);
    return this.http.get<Page<PracticeToolSummary>>(PRACTICE_TOOLS_URL, { params });
  }

  get(id: string): Observable<PracticeToolResponse> {
    return this.http.get<PracticeToolResponse>(one(id));
  }

  create(request: PracticeToolRequest): Observable<PracticeToolResponse> {
    return this.http.post<PracticeToolResponse>(PRACTICE_TOOLS_URL, request);
  }

  update(id: string, request: PracticeToolRequest): Observable<PracticeToolResponse> {
    return this.http.put<PracticeToolResponse>(one(id), request);
  }

  addVersion(id: string, request: PracticeToolVersionRequest): Observable<PracticeToolResponse> {
    return this.http.post<PracticeToolResponse>(`${one(id)}/versions`, request);
  }

  moveStage(id: string, request: PracticeToolStageMoveRequest): Observable<PracticeToolResponse> {
    return this.http.post<PracticeToolResponse>(`${one(id)}/stage`, request);
  }
}
