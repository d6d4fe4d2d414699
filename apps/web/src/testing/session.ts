import { TestBed } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import { ROLE_LABELS, Role } from '@heard/domain';
import type { SessionResponse } from '@heard/domain';
import { SessionService } from '../app/core/session.service';

export function sessionFor(role: Role, overrides: Partial<SessionResponse['user']> = {}): SessionResponse {
  return {
    user: {
      id: `user-${role}`,
      displayName: `Test ${ROLE_LABELS[role]}`,
      email: `${role}@example.org`,
      role,
      ...overrides,
    },
    csrfToken: 'csrf-token',
    expiresAt: '2030-01-01T00:00:00Z',
    authMethods: ['password'],
    pendingStep: null,
    secondFactor: { enrolled: false, required: false, totp: false, passkeys: 0 },
  };
}

/** Signs in through the real SessionService, answering its session check. */
export async function signInAs(
  role: Role,
  overrides: Partial<SessionResponse['user']> = {},
): Promise<SessionResponse> {
  const session = sessionFor(role, overrides);
  const loading = TestBed.inject(SessionService).load();
  TestBed.inject(HttpTestingController).expectOne('/api/auth/session').flush(session);
  await loading;
  return session;
}

/** Answers the session check as the server does for someone signed out. */
export async function signedOut(): Promise<void> {
  const loading = TestBed.inject(SessionService).load();
  TestBed.inject(HttpTestingController)
    .expectOne('/api/auth/session')
    .flush({ status: 401, title: 'Sign in first' }, { status: 401, statusText: 'Unauthorized' });
  await loading;
}
