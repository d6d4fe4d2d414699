import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ChangeRoleRequest,
  InviteUserRequest,
  Page,
  Role,
  SafeguardingContactSettingRequest,
  SecondFactorSettingRequest,
  UserResponse,
} from '@heard/domain';
import type { Observable } from 'rxjs';
import { API } from '../../core/api-urls';

@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);

  list(page: number, pageSize: number): Observable<Page<UserResponse>> {
    const params = new HttpParams().set('page', page).set('pageSize', pageSize);
    return this.http.get<Page<UserResponse>>(API.users, { params });
  }

  invite(request: InviteUserRequest): Observable<UserResponse> {
    return this.http.post<UserResponse>(API.users, request);
  }

  changeRole(id: string, role: Role): Observable<UserResponse> {
    const body: ChangeRoleRequest = { role };
    return this.http.patch<UserResponse>(`${API.users}/${encodeURIComponent(id)}/role`, body);
  }

  deactivate(id: string): Observable<UserResponse> {
    return this.http.post<UserResponse>(`${API.users}/${encodeURIComponent(id)}/deactivate`, null);
  }

  reactivate(id: string): Observable<UserResponse> {
    return this.http.post<UserResponse>(`${API.users}/${encodeURIComponent(id)}/reactivate`, null);
  }

  resendInvitation(id: string): Observable<UserResponse> {
    return this.http.post<UserResponse>(`${API.users}/${encodeURIComponent(id)}/resend-invitation`, null);
  }

  sendPasswordReset(id: string): Observable<UserResponse> {
    return this.http.post<UserResponse>(`${API.users}/${encodeURIComponent(id)}/send-password-reset`, null);
  }

  liftSignInDelay(id: string): Observable<UserResponse> {
    return this.http.post<UserResponse>(`${API.users}/${encodeURIComponent(id)}/lift-sign-in-delay`, null);
  }

  endSessions(id: string): Observable<UserResponse> {
    return this.http.post<UserResponse>(`${API.users}/${encodeURIComponent(id)}/end-sessions`, null);
  }

  resetSecondFactor(id: string): Observable<UserResponse> {
    return this.http.post<UserResponse>(`${API.users}/${encodeURIComponent(id)}/reset-second-factor`, null);
  }

  setSafeguardingContact(id: string, safeguardingContact: boolean): Observable<UserResponse> {
    const body: SafeguardingContactSettingRequest = { safeguardingContact };
    return this.http.patch<UserResponse>(`${API.users}/${encodeURIComponent(id)}/safeguarding-contact`, body);
  }

  setSecondFactorRequired(id: string, required: boolean): Observable<UserResponse> {
    const body: SecondFactorSettingRequest = { required };
    return this.http.patch<UserResponse>(`${API.users}/${encodeURIComponent(id)}/second-factor`, body);
  }
}
