import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { KeptListEntry } from '@heard/domain';
import type { Observable } from 'rxjs';

/**
 * A list administrators keep (the action log's services and themes, the team's categories of young
 * people), at its URL: GET and POST there, PATCH an entry under it. Relative URLs, so Angular's
 * XSRF interceptor adds the header to writes.
 */
@Injectable({ providedIn: 'root' })
export class KeptListApi {
  private readonly http = inject(HttpClient);

  list(url: string): Observable<KeptListEntry[]> {
    return this.http.get<KeptListEntry[]>(url);
  }

  add(url: string, name: string): Observable<KeptListEntry> {
    return this.http.post<KeptListEntry>(url, { name });
  }

  change(url: string, id: string, change: { name?: string; retired?: boolean }): Observable<KeptListEntry> {
    return this.http.patch<KeptListEntry>(`${url}/${encodeURIComponent(id)}`, change);
  }
}
