import { inject, type Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { addDays, todayInLondon } from '@heard/domain';
import type { GroupSessionResponse } from '@heard/domain';
import { type Observable, catchError, map, of, startWith, switchMap } from 'rxjs';
import { londonDate, londonTime, shortDate } from '../core/dates';
import { SessionsApi } from './sessions-api';

/** How far back a form offers a group's sessions: a pledge or a group's view is noted within a term. */
export const RECENT_SESSION_WEEKS = 12;

/**
 * The sessions of the chosen group in the last few weeks, newest first, for a form's "at which
 * session" choice. An empty choice while no group is chosen or the list cannot be loaded: the
 * session is optional wherever it is asked. Call in an injection context (a field initialiser).
 */
export function recentSessions(
  groupId: Observable<string>,
  today = todayInLondon(),
): Signal<GroupSessionResponse[]> {
  const sessionsApi = inject(SessionsApi);
  const none: GroupSessionResponse[] = [];
  return toSignal(
    groupId.pipe(
      startWith(''),
      switchMap((id) =>
        id
          ? sessionsApi
              .list({ from: addDays(today, -7 * RECENT_SESSION_WEEKS), to: today, groupId: id })
              .pipe(
                map((sessions) => sessions.filter((s) => s.status === 'scheduled').reverse()),
                catchError(() => of(none)),
              )
          : of(none),
      ),
    ),
    { initialValue: none },
  );
}

/** A session as a form's option reads it: "Tue 2 Dec, 16:00". */
export function sessionLabel(session: GroupSessionResponse): string {
  return `${shortDate(londonDate(session.startsAt))}, ${londonTime(session.startsAt)}`;
}
