import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { DeletionRequestHandled, DeletionRequestResponse } from '@heard/domain';
import type { Observable } from 'rxjs';

const URL = '/api/deletion-requests';

@Injectable({ providedIn: 'root' })
export class DeletionRequestsApi {
  private readonly http = inject(HttpClient);

  open(): Observable<DeletionRequestResponse[]> {
    return this.http.get<DeletionRequestResponse[]>(URL);
  }

  handled(id: string, body: DeletionRequestHandled): Observable<void> {
    return this.http.post<void>(`${URL}/${encodeURIComponent(id)}/handled`, body);
  }
}
