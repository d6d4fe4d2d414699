import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ErasureDecisionRequest,
  ErasureRequest,
  ErasureRequestResponse,
  ErasureRequestsResponse,
} from '@heard/domain';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class ErasureApi {
  private readonly http = inject(HttpClient);

  list(youngPersonId: string): Observable<ErasureRequestsResponse> {
    return this.http.get<ErasureRequestsResponse>(
      `/api/young-people/${encodeURIComponent(youngPersonId)}/erasure-requests`,
    );
  }

  record(youngPersonId: string, request: ErasureRequest): Observable<ErasureRequestResponse> {
    return this.http.post<ErasureRequestResponse>(
      `/api/young-people/${encodeURIComponent(youngPersonId)}/erasure-requests`,
      request,
    );
  }

  decide(requestId: string, decision: ErasureDecisionRequest): Observable<ErasureRequestResponse> {
    return this.http.post<ErasureRequestResponse>(
      `/api/erasure-requests/${encodeURIComponent(requestId)}/decision`,
      decision,
    );
  }
}
