import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ReportCreateRequest,
  ReportExportStatusResponse,
  ReportFormat,
  ReportListResponse,
  ReportResponse,
  ReportSectionKey,
  ReportSectionRequest,
} from '@heard/domain';
import type { Observable } from 'rxjs';

/** Relative, so Angular's XSRF interceptor adds the header to writes. */
export const REPORTS_URL = '/api/reports';
const report = (id: string) => `${REPORTS_URL}/${encodeURIComponent(id)}`;

/**
 * The reports (docs/reports.md): drafted from the data, edited by section (a stale edit is a 409),
 * exported as PDF and DOCX by a job, whose progress is asked for until the file is ready.
 */
@Injectable({ providedIn: 'root' })
export class ReportsApi {
  private readonly http = inject(HttpClient);

  list(): Observable<ReportListResponse> {
    return this.http.get<ReportListResponse>(REPORTS_URL);
  }

  draft(request: ReportCreateRequest): Observable<ReportResponse> {
    return this.http.post<ReportResponse>(REPORTS_URL, request);
  }

  report(id: string): Observable<ReportResponse> {
    return this.http.get<ReportResponse>(report(id));
  }

  saveSection(id: string, key: ReportSectionKey, request: ReportSectionRequest): Observable<ReportResponse> {
    return this.http.put<ReportResponse>(`${report(id)}/sections/${encodeURIComponent(key)}`, request);
  }

  export(id: string, format: ReportFormat): Observable<ReportExportStatusResponse> {
    return this.http.post<ReportExportStatusResponse>(`${report(id)}/exports`, { format });
  }

  exportStatus(id: string, format: ReportFormat): Observable<ReportExportStatusResponse> {
    return this.http.get<ReportExportStatusResponse>(`${report(id)}/exports/${format}`);
  }
}
