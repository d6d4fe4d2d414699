import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { navigationFor } from '@heard/domain';
import type {
  CurrentUser,
  NavigationItem,
  PendingSignInStep,
  SessionResponse,
  SignInRequest,
} from '@heard/domain';
import { Observable, finalize, firstValueFrom, tap } from 'rxjs';
import { API } from './api-urls';

/**
 * Who is signed in, as signals. Asked for only when a staff page is first opened (the guards call
 * `ensureLoaded`): public pages (a young person's answer link, sign-in, welcome) never ask, so a
 * signed-out visitor's browser shows no failed request. The shell reads the signals after that.
 */
@Injectable({ providedIn: 'root' })
export class SessionService {
  private readonly http = inject(HttpClient);
  private readonly session = signal<SessionResponse | null>(null);
  /** Settled once the server has been asked, or signing in or out has told us the answer. */
  private known: Promise<void> | null = null;
  /**
   * True once who is signed in is known (asked, signed in or out): until then a null user means
   * "not asked yet", not "signed out". What the device keeps for the day is wiped on the second.
   */
  readonly settled = signal(false);

  /** What a half-signed-in session must still do (the second step, or setting one up). */
  readonly pendingStep = computed<PendingSignInStep>(() => this.session()?.pendingStep ?? null);
  /** Only a session that has finished signing in has a user: a half-signed-in one sees no menu or page. */
  readonly user = computed<CurrentUser | null>(() =>
    this.session()?.pendingStep ? null : (this.session()?.user ?? null),
  );
  readonly signedIn = computed(() => this.user() !== null);
  /** How many passkeys the account has: the second step offers one when there is any. */
  readonly passkeyCount = computed(() => this.session()?.secondFactor.passkeys ?? 0);
  /** Whether the account has an authenticator app (and so codes and recovery codes to offer). */
  readonly hasAuthenticatorApp = computed(() => this.session()?.secondFactor.totp ?? false);
  /** The menu for the signed-in user's role; the role guard uses the same list. */
  readonly navigation = computed<NavigationItem[]>(() => {
    const user = this.user();
    return user ? navigationFor(user.role) : [];
  });

  /** Asks the API who is signed in, unless that is already known. Never rejects. */
  ensureLoaded(): Promise<void> {
    return this.known ?? this.load();
  }

  /** Asks the API who is signed in. Never rejects; every failure means "signed out". */
  load(): Promise<void> {
    this.known = this.fetch();
    return this.known;
  }

  private async fetch(): Promise<void> {
    try {
      this.session.set(await firstValueFrom(this.http.get<SessionResponse>(API.session)));
    } catch {
      this.session.set(null);
    }
    this.settled.set(true);
  }

  signIn(request: SignInRequest): Observable<SessionResponse> {
    return this.http.post<SessionResponse>(API.signIn, request).pipe(
      tap((session) => {
        this.session.set(session);
        this.known = Promise.resolve();
        this.settled.set(true);
      }),
    );
  }

  /** Takes the session the API answered with after the second step (a new one replaces the old). */
  replace(session: SessionResponse): void {
    this.session.set(session);
    this.known = Promise.resolve();
    this.settled.set(true);
  }

  /** Ends the session on the server; the user is forgotten here whatever the answer. */
  signOut(): Observable<void> {
    return this.http.post<void>(API.signOut, null).pipe(finalize(() => this.clear()));
  }

  /** Forgets the user: the session has ended, so there is nothing to ask the server. */
  clear(): void {
    this.session.set(null);
    this.known = Promise.resolve();
    this.settled.set(true);
  }
}
