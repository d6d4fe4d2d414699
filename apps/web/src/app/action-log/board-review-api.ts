import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ItemPublicationResponse,
  ItemRatingsResponse,
  PublicationRequest,
  ReadingLevelResponse,
} from '@heard/domain';

const LOG = '/api/action-log';

/** The item page's board and review calls: publication, the reading level, young experts' ratings. */
@Injectable({ providedIn: 'root' })
export class BoardReviewApi {
  private readonly http = inject(HttpClient);

  publication = (itemId: string) =>
    this.http.get<ItemPublicationResponse>(`${LOG}/items/${encodeURIComponent(itemId)}/publication`);
  publish = (actionId: string, itemId: string, body: PublicationRequest) =>
    this.http.put<ItemPublicationResponse>(this.pair(actionId, itemId), body);
  unpublish = (actionId: string, itemId: string) =>
    this.http.delete<ItemPublicationResponse>(this.pair(actionId, itemId));
  readingLevel = (text: string) => this.http.post<ReadingLevelResponse>(`${LOG}/reading-level`, { text });
  ratings = (itemId: string) =>
    this.http.get<ItemRatingsResponse>(`${LOG}/items/${encodeURIComponent(itemId)}/ratings`);

  private pair(actionId: string, itemId: string): string {
    return `${LOG}/answers/${encodeURIComponent(actionId)}/${encodeURIComponent(itemId)}/publication`;
  }
}
