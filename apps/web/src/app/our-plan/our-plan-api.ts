import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  PublishedPlanComparisonResponse,
  PublishedPlanListResponse,
  PublishedPlanResponse,
} from '@heard/domain';
import type { Observable } from 'rxjs';

/** The published voice plan: no sign-in, published and superseded versions only (the API decides). */
@Injectable({ providedIn: 'root' })
export class OurPlanApi {
  private readonly http = inject(HttpClient);

  list(): Observable<PublishedPlanListResponse> {
    return this.http.get<PublishedPlanListResponse>('/api/published-plans');
  }

  version(id: string): Observable<PublishedPlanResponse> {
    return this.http.get<PublishedPlanResponse>(`/api/published-plans/${encodeURIComponent(id)}`);
  }

  compare(before: string, after: string): Observable<PublishedPlanComparisonResponse> {
    const params = new HttpParams().set('before', before).set('after', after);
    return this.http.get<PublishedPlanComparisonResponse>('/api/published-plans/compare', { params });
  }
}
