import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { navigationFor } from '@heard/domain';
import type { CurrentUser, NavigationItem, SessionResponse, SignInRequest } from '@heard/domain';
import { Observable, finalize, firstValueFrom, tap } from 'rxjs';
import { API } from './api-urls';

/**
 * Who is signed in, as signals. Loaded once at start-up (see app.config.ts); the guards and
 * the shell read it synchronously after that.
 */
@Injectable({ providedIn: 'root' })
export class SessionService {
  private readonly http = inject(HttpClient);
  private readonly session = signal<SessionResponse | null>(null);

  readonly user = computed<CurrentUser | null>(() => this.session()?.user ?? null);
  readonly signedIn = computed(() => this.user() !== null);
  /** The menu for the signed-in user's role; the role guard uses the same list. */
  readonly navigation = computed<NavigationItem[]>(() => {
    const user = this.user();
    return user ? navigationFor(user.role) : [];
  });

  /** Asks the API who is signed in. Never rejects; every failure means "signed out". */
  async load(): Promise<void> {
    try {
      this.session.set(await firstValueFrom(this.http.get<SessionResponse>(API.session)));
    } catch {
      this.session.set(null);
    }
  }

  signIn(request: SignInRequest): Observable<SessionResponse> {
    return this.http
      .post<SessionResponse>(API.signIn, request)
      .pipe(tap((session) => this.session.set(session)));
  }

  /** Ends the session on the server; the user is forgotten here whatever the answer. */
  signOut(): Observable<void> {
    return this.http.post<void>(API.signOut, null).pipe(finalize(() => this.clear()));
  }

  clear(): void {
    this.session.set(null);
  }
}
