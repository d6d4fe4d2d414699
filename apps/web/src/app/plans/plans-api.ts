import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  PlanCommentReplyRequest,
  PlanCommentsResponse,
  PlanCommitmentsRequest,
  PlanCorrectionRequest,
  PlanDocumentStatusResponse,
  PlanFiguresResponse,
  PlanListResponse,
  PlanLundyAnswerRequest,
  PlanMoveRequest,
  PlanSectionKey,
  PlanSectionRequest,
  PlanVersionResponse,
  WorryRaisedResponse,
} from '@heard/domain';
import type { Observable } from 'rxjs';

/** Relative, so Angular's XSRF interceptor adds the header to writes. */
export const PLANS_URL = '/api/plans';
const plan = (id: string) => `${PLANS_URL}/${encodeURIComponent(id)}`;
const version = (id: string) => `${PLANS_URL}/versions/${encodeURIComponent(id)}`;

/**
 * The annual voice plan for staff (docs/plan.md "Storage and API"): officers write it, senior
 * leaders read and approve it. Every write answers the whole version as it now is; a write sent
 * with an old `expectedUpdatedAt` is a 409.
 */
@Injectable({ providedIn: 'root' })
export class PlansApi {
  private readonly http = inject(HttpClient);

  list(): Observable<PlanListResponse> {
    return this.http.get<PlanListResponse>(PLANS_URL);
  }

  /** A new plan for the year and its first draft. */
  start(year: number): Observable<PlanVersionResponse> {
    return this.http.post<PlanVersionResponse>(PLANS_URL, { year });
  }

  version(id: string): Observable<PlanVersionResponse> {
    return this.http.get<PlanVersionResponse>(version(id));
  }

  saveSection(id: string, key: PlanSectionKey, request: PlanSectionRequest): Observable<PlanVersionResponse> {
    return this.http.put<PlanVersionResponse>(`${version(id)}/sections/${encodeURIComponent(key)}`, request);
  }

  saveLundyAnswer(
    id: string,
    questionKey: string,
    request: PlanLundyAnswerRequest,
  ): Observable<PlanVersionResponse> {
    return this.http.put<PlanVersionResponse>(
      `${version(id)}/lundy/${encodeURIComponent(questionKey)}`,
      request,
    );
  }

  saveCommitments(id: string, request: PlanCommitmentsRequest): Observable<PlanVersionResponse> {
    return this.http.put<PlanVersionResponse>(`${version(id)}/commitments`, request);
  }

  move(id: string, request: PlanMoveRequest): Observable<PlanVersionResponse> {
    return this.http.post<PlanVersionResponse>(`${version(id)}/moves`, request);
  }

  /** A correction of the published plan: a new draft version with what changed. */
  correct(planId: string, request: PlanCorrectionRequest): Observable<PlanVersionResponse> {
    return this.http.post<PlanVersionResponse>(`${plan(planId)}/versions`, request);
  }

  /** Section C's figures for the year before the plan, and a first draft of both texts from them. */
  figures(planId: string): Observable<PlanFiguresResponse> {
    return this.http.get<PlanFiguresResponse>(`${plan(planId)}/figures`);
  }

  comments(id: string): Observable<PlanCommentsResponse> {
    return this.http.get<PlanCommentsResponse>(`${version(id)}/comments`);
  }

  /** Where a published version's PDF is. */
  document(id: string): Observable<PlanDocumentStatusResponse> {
    return this.http.get<PlanDocumentStatusResponse>(`${version(id)}/document`);
  }

  /** A PDF that failed after its tries, queued again. */
  retryDocument(id: string): Observable<PlanDocumentStatusResponse> {
    return this.http.post<PlanDocumentStatusResponse>(`${version(id)}/document/retry`, {});
  }

  /** A worry in a comment, to the safeguarding contacts at once; null words send the comment's own. */
  raiseWorry(id: string, commentId: string, words: string | null): Observable<WorryRaisedResponse> {
    return this.http.post<WorryRaisedResponse>(
      `${version(id)}/comments/${encodeURIComponent(commentId)}/worries`,
      { words },
    );
  }

  reply(id: string, commentId: string, request: PlanCommentReplyRequest): Observable<PlanCommentsResponse> {
    return this.http.post<PlanCommentsResponse>(
      `${version(id)}/comments/${encodeURIComponent(commentId)}/reply`,
      request,
    );
  }
}
