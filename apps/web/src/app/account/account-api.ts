import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AccountSessionResponse,
  ChangeEmailRequest,
  ChangePasswordRequest,
  ChangePasswordResponse,
  EndSessionsRequest,
  EndSessionsResponse,
  SessionResponse,
} from '@heard/domain';
import type { Observable } from 'rxjs';
import { API } from '../core/api-urls';

@Injectable({ providedIn: 'root' })
export class AccountApi {
  private readonly http = inject(HttpClient);

  changePassword(request: ChangePasswordRequest): Observable<ChangePasswordResponse> {
    return this.http.post<ChangePasswordResponse>(API.accountPassword, request);
  }

  changeEmail(request: ChangeEmailRequest): Observable<SessionResponse> {
    return this.http.post<SessionResponse>(API.accountEmail, request);
  }

  sessions(): Observable<AccountSessionResponse[]> {
    return this.http.get<AccountSessionResponse[]>(API.accountSessions);
  }

  endSessions(request: EndSessionsRequest): Observable<EndSessionsResponse> {
    return this.http.post<EndSessionsResponse>(API.accountSessionsEnd, request);
  }
}
