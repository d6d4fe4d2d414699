import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { RetentionKind, RetentionOverviewResponse, RetentionSettingResponse } from '@heard/domain';
import type { Observable } from 'rxjs';

const RETENTION_URL = '/api/retention';

/** Retention periods and the daily job's last run, for administrators. */
@Injectable({ providedIn: 'root' })
export class RetentionApi {
  private readonly http = inject(HttpClient);

  overview(): Observable<RetentionOverviewResponse> {
    return this.http.get<RetentionOverviewResponse>(RETENTION_URL);
  }

  set(kind: RetentionKind, days: number): Observable<RetentionSettingResponse> {
    return this.http.put<RetentionSettingResponse>(`${RETENTION_URL}/${encodeURIComponent(kind)}`, { days });
  }
}
