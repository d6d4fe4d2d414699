import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { HeldChangeResponse } from '@heard/domain';
import type { Observable } from 'rxjs';

const HELD = '/api/held-changes';
const one = (id: string) => `${HELD}/${encodeURIComponent(id)}`;

/** The officer's own changes made offline that the server kept aside for them (docs/offline.md). */
@Injectable({ providedIn: 'root' })
export class HeldChangesApi {
  private readonly http = inject(HttpClient);

  mine(): Observable<HeldChangeResponse[]> {
    return this.http.get<HeldChangeResponse[]>(HELD);
  }

  apply(id: string, reason: string | undefined): Observable<HeldChangeResponse> {
    return this.http.post<HeldChangeResponse>(`${one(id)}/apply`, reason === undefined ? {} : { reason });
  }

  discard(id: string, reason: string): Observable<HeldChangeResponse> {
    return this.http.post<HeldChangeResponse>(`${one(id)}/discard`, { reason });
  }
}
