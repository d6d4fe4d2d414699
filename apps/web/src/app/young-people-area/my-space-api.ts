import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, Signal, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { Observable, catchError, map, of, startWith } from 'rxjs';
import type {
  InvitationAnswerRequest,
  LinkEvaluationRequest,
  MeResponse,
  MyChoices,
  MyChoicesRequest,
  MyData,
  MyEvaluation,
  MyEvaluationSummary,
  MyInvitation,
  MyPledge,
  MyPlanComment,
  MyPlanCommentRequest,
  MyPlanResponse,
  MyPledgeVerdictRequest,
  MyRequestReceived,
  MyResponse,
  MyRound,
  ResponseRatingRequest,
} from '@heard/domain';
import { COMMON } from './my-space-words';

const ME = '/api/me';

/** The young expert's own routes: every one answers only about their own record. */
@Injectable({ providedIn: 'root' })
export class MySpaceApi {
  private readonly http = inject(HttpClient);

  me = () => this.http.get<MeResponse>(ME);
  rounds = () => this.http.get<MyRound[]>(`${ME}/rounds`);
  answer = (roundId: string, key: string, body: LinkEvaluationRequest) =>
    this.http.post<MyEvaluation>(`${ME}/rounds/${encodeURIComponent(roundId)}/evaluations`, body, {
      headers: { 'Idempotency-Key': key },
    });
  evaluations = () => this.http.get<MyEvaluationSummary[]>(`${ME}/evaluations`);
  evaluation = (id: string) => this.http.get<MyEvaluation>(`${ME}/evaluations/${encodeURIComponent(id)}`);
  invitations = () => this.http.get<MyInvitation[]>(`${ME}/invitations`);
  answerInvitation = (id: string, body: InvitationAnswerRequest) =>
    this.http.post<MyInvitation>(`${ME}/invitations/${encodeURIComponent(id)}/answer`, body);
  askForOneToOne = (about: string | null) =>
    this.http.post<MyRequestReceived>(`${ME}/one-to-one-requests`, { about });
  choices = () => this.http.get<MyChoices>(`${ME}/choices`);
  changeChoices = (body: MyChoicesRequest) => this.http.patch<MyChoices>(`${ME}/choices`, body);
  data = () => this.http.get<MyData>(`${ME}/data`);
  askToDelete = (what: string) => this.http.post<MyRequestReceived>(`${ME}/deletion-requests`, { what });
  raiseWorry = (words: string) => this.http.post<MyRequestReceived>(`${ME}/worries`, { words });
  responses = () => this.http.get<MyResponse[]>(`${ME}/responses`);
  rateResponse = (itemId: string, body: ResponseRatingRequest) =>
    this.http.put<MyResponse>(`${ME}/responses/${encodeURIComponent(itemId)}/rating`, body);
  pledges = () => this.http.get<MyPledge[]>(`${ME}/pledges`);
  /** A second verdict replaces the first (the first stays in the pledge's history). */
  ratePledge = (pledgeId: string, body: MyPledgeVerdictRequest) =>
    this.http.put<MyPledge>(`${ME}/pledges/${encodeURIComponent(pledgeId)}/verdict`, body);
  /** The plan with young people now (`version: null` when none is), with only their own comments. */
  plan = () => this.http.get<MyPlanResponse>(`${ME}/plan`);
  commentOnPlan = (body: MyPlanCommentRequest) => this.http.post<MyPlanComment>(`${ME}/plan/comments`, body);
}

/** Where the data download is: a plain link, so the browser saves the file. */
export const MY_DATA_DOWNLOAD = `${ME}/data/download`;
/** The same copy to read or print. */
export const MY_DATA_DOWNLOAD_PDF = `${ME}/data/download.pdf`;

export type Loaded<T> =
  | { state: 'loading' }
  | { state: 'ready'; value: T }
  | { state: 'failed'; message: string };

/** What to tell a young person when a request fails: our own words unless the server gave plain ones. */
export function failureWords(error: unknown): string {
  if (error instanceof HttpErrorResponse && error.status >= 400 && error.status < 500) {
    const detail: unknown = (error.error as { detail?: unknown } | null)?.detail;
    if (typeof detail === 'string') return detail;
  }
  return COMMON.failed;
}

/** A read as a signal: loading, then the answer or plain words. Call in an injection context. */
export function loaded<T>(source: Observable<T>): Signal<Loaded<T>> {
  return toSignal(
    source.pipe(
      map((value): Loaded<T> => ({ state: 'ready', value })),
      catchError((error: unknown) => of<Loaded<T>>({ state: 'failed', message: failureWords(error) })),
      startWith<Loaded<T>>({ state: 'loading' }),
    ),
    { requireSync: true },
  );
}
