import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ActionCreateRequest,
  ActionResponse,
  ActionUpdateRequest,
  LoopView,
  ProgressNoteRequest,
  TellingResult,
  ToPassOnEntry,
  ToReadOutEntry,
} from '@heard/domain';
import type { Observable } from 'rxjs';

/** Relative, so Angular's XSRF interceptor adds the header to writes. */
export const ACTION_LOG_URL = '/api/action-log';
export const TO_PASS_ON_URL = '/api/me/to-pass-on';

const item = (id: string) => `${ACTION_LOG_URL}/items/${encodeURIComponent(id)}`;
const action = (id: string) => `${ACTION_LOG_URL}/actions/${encodeURIComponent(id)}`;

/** Actions that answer You said items, and closing the loop with the young people who spoke. */
@Injectable({ providedIn: 'root' })
export class ActionLogLoopApi {
  private readonly http = inject(HttpClient);

  actionsFor(itemId: string): Observable<ActionResponse[]> {
    return this.http.get<ActionResponse[]>(`${item(itemId)}/actions`);
  }

  /** One action: how a published plan's commitment, which answers no item, is read. */
  action(actionId: string): Observable<ActionResponse> {
    return this.http.get<ActionResponse>(action(actionId));
  }

  answer(request: ActionCreateRequest): Observable<ActionResponse> {
    return this.http.post<ActionResponse>(`${ACTION_LOG_URL}/actions`, request);
  }

  change(actionId: string, request: ActionUpdateRequest): Observable<ActionResponse> {
    return this.http.patch<ActionResponse>(action(actionId), request);
  }

  addNote(actionId: string, request: ProgressNoteRequest): Observable<ActionResponse> {
    return this.http.post<ActionResponse>(`${action(actionId)}/notes`, request);
  }

  loop(itemId: string): Observable<LoopView> {
    return this.http.get<LoopView>(`${item(itemId)}/loop`);
  }

  tell(itemId: string, message: string): Observable<TellingResult> {
    return this.http.post<TellingResult>(`${item(itemId)}/tellings`, { message });
  }

  close(itemId: string): Observable<LoopView> {
    return this.http.post<LoopView>(`${item(itemId)}/close`, {});
  }

  reopen(itemId: string): Observable<LoopView> {
    return this.http.post<LoopView>(`${item(itemId)}/reopen`, {});
  }

  toPassOn(): Observable<ToPassOnEntry[]> {
    return this.http.get<ToPassOnEntry[]>(TO_PASS_ON_URL);
  }

  passed(tellingId: string): Observable<void> {
    return this.http.post<void>(`${TO_PASS_ON_URL}/${encodeURIComponent(tellingId)}/passed`, {});
  }

  toReadOut(sessionId: string): Observable<ToReadOutEntry[]> {
    return this.http.get<ToReadOutEntry[]>(
      `/api/groups/sessions/${encodeURIComponent(sessionId)}/to-read-out`,
    );
  }
}
