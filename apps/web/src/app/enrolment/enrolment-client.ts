import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { PasskeyOptionsResponse, SessionResponse } from '@heard/domain';
import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/browser';
import { firstValueFrom } from 'rxjs';
import { API } from '../core/api-urls';
import { WEBAUTHN_BROWSER } from '../sign-in/passkey-client';

type CreationOptions = Omit<PasskeyOptionsResponse, 'options'> & {
  options: PublicKeyCredentialCreationOptionsJSON;
};

/** The young person's side of enrolment: the code, then a passkey for this device or just this time. */
@Injectable({ providedIn: 'root' })
export class EnrolmentClient {
  private readonly http = inject(HttpClient);
  private readonly browser = inject(WEBAUTHN_BROWSER);

  supported(): boolean {
    return this.browser.supported();
  }

  useCode(code: string): Promise<SessionResponse> {
    return firstValueFrom(this.http.post<SessionResponse>(API.enrolment, { code }));
  }

  async registerPasskey(): Promise<SessionResponse> {
    const { options } = await firstValueFrom(
      this.http.post<CreationOptions>(API.enrolmentPasskeyOptions, null),
    );
    const response = await this.browser.register(options);
    return firstValueFrom(this.http.post<SessionResponse>(API.enrolmentPasskey, { response }));
  }

  justThisTime(): Promise<SessionResponse> {
    return firstValueFrom(this.http.post<SessionResponse>(API.enrolmentJustThisTime, null));
  }
}
