import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { StaffDirectoryResponse, StaffMember } from '@heard/domain';
import { type Observable, map } from 'rxjs';

/** Relative, so Angular's XSRF interceptor would add the header to writes. */
export const STAFF_URL = '/api/staff';

@Injectable({ providedIn: 'root' })
export class StaffApi {
  private readonly http = inject(HttpClient);

  /** Active colleagues who can be a trusted adult, whose name or email contains the text. */
  search(text: string): Observable<StaffMember[]> {
    return this.http
      .get<StaffDirectoryResponse>(STAFF_URL, { params: new HttpParams().set('q', text.trim()) })
      .pipe(map((res) => res.items));
  }
}
