import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AuditEventResponse, Page } from '@heard/domain';
import type { Observable } from 'rxjs';
import { API } from '../../core/api-urls';
import type { AuditActionValue } from './audit-labels';

/** The filters the audit page sends; empty ones are left out of the query. */
export interface AuditFilters {
  action?: AuditActionValue;
  entityType?: string;
  actorUserId?: string;
  /** ISO 8601 with offset. */
  from?: string;
  to?: string;
}

export function auditParams(filters: AuditFilters, page: number, pageSize: number): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(filters)) {
    if (typeof value === 'string' && value !== '') params = params.set(key, value);
  }
  return params.set('page', page).set('pageSize', pageSize);
}

@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);

  list(filters: AuditFilters, page: number, pageSize: number): Observable<Page<AuditEventResponse>> {
    return this.http.get<Page<AuditEventResponse>>(API.audit, {
      params: auditParams(filters, page, pageSize),
    });
  }
}
