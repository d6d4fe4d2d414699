import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { BoardItem, BoardResponse } from '@heard/domain';

/** The public board: no sign-in, published pairs only. */
@Injectable({ providedIn: 'root' })
export class BoardApi {
  private readonly http = inject(HttpClient);

  board = (themeId: string | null) =>
    this.http.get<BoardResponse>('/api/board', { params: themeId ? { themeId } : {} });
  item = (itemId: string) => this.http.get<BoardItem>(`/api/board/items/${encodeURIComponent(itemId)}`);
}
