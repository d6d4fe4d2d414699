import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ActionLogFilter,
  ImportPreviewResponse,
  ImportResponse,
  Page,
  QueueItem,
  QueueKind,
} from '@heard/domain';
import type { Observable } from 'rxjs';

const URL = '/api/action-log';

export type ExportFormat = 'csv' | 'xlsx';

/** The download's address: the browser fetches it itself, so the file streams to disk. */
export function exportUrl(format: ExportFormat, filter: ActionLogFilter): string {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(filter))
    if (typeof value === 'string' && value !== '') params = params.set(key, value);
  const query = params.toString();
  return `${URL}/export.${format}${query ? `?${query}` : ''}`;
}

@Injectable({ providedIn: 'root' })
export class ActionLogOfficeApi {
  private readonly http = inject(HttpClient);

  queue(query: {
    kind: QueueKind;
    who: 'mine' | 'everyone';
    page: number;
    pageSize: number;
  }): Observable<Page<QueueItem>> {
    return this.http.get<Page<QueueItem>>(`${URL}/queue`, {
      params: new HttpParams()
        .set('kind', query.kind)
        .set('who', query.who)
        .set('page', query.page)
        .set('pageSize', query.pageSize),
    });
  }

  preview(csv: string): Observable<ImportPreviewResponse> {
    return this.http.post<ImportPreviewResponse>(`${URL}/import/preview`, { csv });
  }

  import(csv: string): Observable<ImportResponse> {
    return this.http.post<ImportResponse>(`${URL}/import`, { csv });
  }
}
