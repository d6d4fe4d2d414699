import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { LeadersView } from '@heard/domain';
import { Observable } from 'rxjs';
import type { Period } from '../period/period';

export const LEADERS_VIEW_URL = '/api/leaders/view';

@Injectable({ providedIn: 'root' })
export class LeadersApi {
  private readonly http = inject(HttpClient);

  view({ from, to }: Period): Observable<LeadersView> {
    return this.http.get<LeadersView>(LEADERS_VIEW_URL, {
      params: new HttpParams().set('from', from).set('to', to),
    });
  }
}
