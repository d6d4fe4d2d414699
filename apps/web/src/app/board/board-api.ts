import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { BoardItem, BoardResponse } from '@heard/domain';

/** The public board: no sign-in, published pairs only. */
@Injectable({ providedIn: 'root' })
export class BoardApi {
  private readonly http = inject(HttpClient);

  /** A page of the board; what is not given is left to the API's defaults. */
  board = (query: { themeId: string | null; page: number | null; pageSize: number | null }) => {
    const params: Record<string, string | number> = {};
    if (query.themeId) params['themeId'] = query.themeId;
    if (query.page) params['page'] = query.page;
    if (query.pageSize) params['pageSize'] = query.pageSize;
    return this.http.get<BoardResponse>('/api/board', { params });
  };
  item = (itemId: string) => this.http.get<BoardItem>(`/api/board/items/${encodeURIComponent(itemId)}`);
}
