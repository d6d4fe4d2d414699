import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ActionLogListEntry,
  ActionLogListKind,
  ActionLogSettingsResponse,
  CreateItemRequest,
  ItemDetail,
  ItemListQueryRequest,
  ItemPage,
  ItemSummary,
  QuoteRequest,
  SessionYouSaidRequest,
  UpdateItemRequest,
} from '@heard/domain';
import type { Observable } from 'rxjs';

/** Relative, so Angular's XSRF interceptor adds the header to writes. */
export const ACTION_LOG_URL = '/api/action-log';
export const ITEMS_URL = `${ACTION_LOG_URL}/items`;

const item = (id: string) => `${ITEMS_URL}/${encodeURIComponent(id)}`;
const sessionYouSaid = (sessionId: string) =>
  `/api/groups/sessions/${encodeURIComponent(sessionId)}/you-said`;

/** The filters as query parameters: empty ones are left out, so the API applies its defaults. */
export function itemListParams(query: ItemListQueryRequest): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params = params.set(key, String(value));
  }
  return params;
}

/** "You said" items, the lists they are filed under, and the log's settings. */
@Injectable({ providedIn: 'root' })
export class ActionLogApi {
  private readonly http = inject(HttpClient);

  list(query: ItemListQueryRequest): Observable<ItemPage> {
    return this.http.get<ItemPage>(ITEMS_URL, { params: itemListParams(query) });
  }

  get(id: string): Observable<ItemDetail> {
    return this.http.get<ItemDetail>(item(id));
  }

  create(request: CreateItemRequest): Observable<ItemDetail> {
    return this.http.post<ItemDetail>(ITEMS_URL, request);
  }

  /** Refused with 409 when the item changed after `expectedUpdatedAt`. */
  update(id: string, request: UpdateItemRequest): Observable<ItemDetail> {
    return this.http.patch<ItemDetail>(item(id), request);
  }

  acknowledge(id: string): Observable<ItemDetail> {
    return this.http.post<ItemDetail>(`${item(id)}/acknowledge`, {});
  }

  addQuote(id: string, request: QuoteRequest): Observable<ItemDetail> {
    return this.http.post<ItemDetail>(`${item(id)}/quotes`, request);
  }

  sessionItems(sessionId: string): Observable<ItemSummary[]> {
    return this.http.get<ItemSummary[]>(sessionYouSaid(sessionId));
  }

  /** All of them are recorded, or none. */
  recordFromSession(sessionId: string, request: SessionYouSaidRequest): Observable<ItemSummary[]> {
    return this.http.post<ItemSummary[]>(sessionYouSaid(sessionId), request);
  }

  listEntries(kind: ActionLogListKind): Observable<ActionLogListEntry[]> {
    return this.http.get<ActionLogListEntry[]>(`${ACTION_LOG_URL}/${kind}`);
  }

  settings(): Observable<ActionLogSettingsResponse> {
    return this.http.get<ActionLogSettingsResponse>(`${ACTION_LOG_URL}/settings`);
  }

  saveSettings(request: ActionLogSettingsResponse): Observable<ActionLogSettingsResponse> {
    return this.http.put<ActionLogSettingsResponse>(`${ACTION_LOG_URL}/settings`, request);
  }
}
