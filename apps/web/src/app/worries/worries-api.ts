import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import type { RaiseWorryRequest, WorryRaisedResponse, WorryResponse } from '@heard/domain';
import { API } from '../core/api-urls';

/** The worries routes. Every read is audited by the API, so pages read once and keep the answer. */
@Injectable({ providedIn: 'root' })
export class WorriesApi {
  private readonly http = inject(HttpClient);

  raise(request: RaiseWorryRequest): Observable<WorryRaisedResponse> {
    return this.http.post<WorryRaisedResponse>(API.worries, request);
  }

  get(id: string): Observable<WorryResponse> {
    return this.http.get<WorryResponse>(`${API.worries}/${encodeURIComponent(id)}`);
  }

  acknowledge(id: string, note: string | null): Observable<WorryResponse> {
    return this.http.post<WorryResponse>(`${API.worries}/${encodeURIComponent(id)}/acknowledge`, { note });
  }
}
