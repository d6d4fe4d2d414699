import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { PlanComparisonResponse } from '@heard/domain';
import type { Observable } from 'rxjs';

/** Two versions of the plan compared for staff: whichever status each is in (the API decides who may). */
@Injectable({ providedIn: 'root' })
export class PlanCompareApi {
  private readonly http = inject(HttpClient);

  compare(before: string, after: string): Observable<PlanComparisonResponse> {
    const params = new HttpParams().set('before', before).set('after', after);
    return this.http.get<PlanComparisonResponse>('/api/plans/compare', { params });
  }
}
