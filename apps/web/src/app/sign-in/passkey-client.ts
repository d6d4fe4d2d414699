import { HttpClient } from '@angular/common/http';
import { Injectable, InjectionToken, inject } from '@angular/core';
import type { PasskeyOptionsResponse, PasskeyResponse, ProblemDetails, SessionResponse } from '@heard/domain';
import {
  browserSupportsWebAuthn,
  startAuthentication,
  startRegistration,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/browser';
import { firstValueFrom } from 'rxjs';
import { API } from '../core/api-urls';
import { toProblem } from '../core/problem';

// The API's PasskeyOptionsResponse, its options typed as @simplewebauthn/browser takes them (the
// server made them with @simplewebauthn/server, the same major version).
type CreationOptions = Omit<PasskeyOptionsResponse, 'options'> & {
  options: PublicKeyCredentialCreationOptionsJSON;
};
type RequestOptions = Omit<PasskeyOptionsResponse, 'options'> & {
  options: PublicKeyCredentialRequestOptionsJSON;
};

/**
 * The browser's side of a WebAuthn ceremony. A token so component tests (jsdom has no WebAuthn)
 * can stand in for the authenticator; the browser journey drives the real one through Chromium's
 * virtual authenticator.
 */
export interface WebAuthnBrowser {
  supported(): boolean;
  register(options: PublicKeyCredentialCreationOptionsJSON): Promise<unknown>;
  authenticate(options: PublicKeyCredentialRequestOptionsJSON): Promise<unknown>;
}

export const WEBAUTHN_BROWSER = new InjectionToken<WebAuthnBrowser>('WEBAUTHN_BROWSER', {
  providedIn: 'root',
  factory: () => ({
    supported: browserSupportsWebAuthn,
    register: (optionsJSON) => startRegistration({ optionsJSON }),
    authenticate: (optionsJSON) => startAuthentication({ optionsJSON }),
  }),
});

/**
 * Passkey ceremonies against the API: options from the server, the browser's answer back. The
 * options are @simplewebauthn/server's JSON, made for @simplewebauthn/browser: passed on unchanged.
 */
@Injectable({ providedIn: 'root' })
export class PasskeyClient {
  private readonly http = inject(HttpClient);
  private readonly browser = inject(WEBAUTHN_BROWSER);

  supported(): boolean {
    return this.browser.supported();
  }

  /** Signs in with a passkey alone; the API answers with a full session. */
  async signIn(): Promise<SessionResponse> {
    const { options } = await this.post<RequestOptions>(API.passkeySignInOptions);
    const response = await this.browser.authenticate(options);
    return this.post<SessionResponse>(API.passkeySignIn, { response });
  }

  /** The second step of signing in, with a passkey instead of a code. */
  async secondStep(): Promise<SessionResponse> {
    const { options } = await this.post<RequestOptions>(API.passkeySecondFactorOptions);
    const response = await this.browser.authenticate(options);
    return this.post<SessionResponse>(API.passkeySecondFactor, { response });
  }

  /** Adds a passkey: the password again for the options, then the new credential with its name. */
  async add(password: string, label: string): Promise<PasskeyResponse> {
    const { options } = await this.post<CreationOptions>(API.passkeyRegistrationOptions, { password });
    const response = await this.browser.register(options);
    return this.post<PasskeyResponse>(API.passkeyRegistration, { label, response });
  }

  list(): Promise<PasskeyResponse[]> {
    return firstValueFrom(this.http.get<PasskeyResponse[]>(API.passkeys));
  }

  remove(id: string, password: string): Promise<void> {
    return this.post<void>(`${API.passkeys}/${encodeURIComponent(id)}/remove`, { password });
  }

  private post<T>(url: string, body: object | null = null): Promise<T> {
    return firstValueFrom(this.http.post<T>(url, body));
  }
}

/**
 * A failed ceremony as a problem the page can show: the API's own problem+json, or what the browser
 * said (a DOMException; NotAllowedError is what a cancel or a timeout looks like).
 */
export function passkeyProblem(error: unknown): ProblemDetails {
  const name = error instanceof Error ? error.name : '';
  const detail =
    name === 'NotAllowedError'
      ? 'The passkey request was cancelled or timed out. Try again when you are ready.'
      : name === 'InvalidStateError'
        ? 'This device already has a passkey for your account.'
        : null;
  return detail ? { type: 'about:blank', title: 'Passkey not used', status: 0, detail } : toProblem(error);
}
