import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { OneToOneRequest, OneToOneResponse, OneToOneUpdate } from '@heard/domain';
import type { Observable } from 'rxjs';

/** Relative, so Angular's XSRF interceptor adds the header to writes. */
export const ONE_TO_ONES_URL = '/api/one-to-ones';

@Injectable({ providedIn: 'root' })
export class OneToOnesApi {
  private readonly http = inject(HttpClient);

  /** Open ones first (the API orders them). */
  list(): Observable<OneToOneResponse[]> {
    return this.http.get<OneToOneResponse[]>(ONE_TO_ONES_URL);
  }

  create(request: OneToOneRequest): Observable<OneToOneResponse> {
    return this.http.post<OneToOneResponse>(ONE_TO_ONES_URL, request);
  }

  update(id: string, update: OneToOneUpdate): Observable<OneToOneResponse> {
    return this.http.patch<OneToOneResponse>(`${ONE_TO_ONES_URL}/${encodeURIComponent(id)}`, update);
  }
}
