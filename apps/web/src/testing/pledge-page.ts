import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Role } from '@heard/domain';
import type { PledgeResponse } from '@heard/domain';
import PledgePage from '../app/pledges/pledge-page';
import { provideFormFieldDefaults } from '../app/shared/form-field-defaults';
import { PLEDGE_ID, PLEDGE_LEADER } from './pledge-fixtures';
import { signInAs } from './session';

export interface OpenedPledgePage {
  fixture: ComponentFixture<PledgePage>;
  el: HTMLElement;
  http: HttpTestingController;
  /** Answers the form's request with `body`, then the history the page reloads; returns what was sent. */
  answer(method: string, url: string, body: PledgeResponse): Promise<Record<string, unknown>>;
}

/**
 * In a component test: a pledge's page as `role` sees it (a senior leader is its leader,
 * PLEDGE_LEADER), with `shown` and an empty history answered.
 */
export async function openPledgePage(role: Role, shown: PledgeResponse): Promise<OpenedPledgePage> {
  TestBed.configureTestingModule({
    providers: [
      provideRouter([]),
      provideHttpClient(),
      provideHttpClientTesting(),
      provideFormFieldDefaults(),
    ],
  });
  const http = TestBed.inject(HttpTestingController);
  await signInAs(role, role === Role.SeniorLeader ? PLEDGE_LEADER : {});
  const fixture = TestBed.createComponent(PledgePage);
  fixture.componentRef.setInput('id', PLEDGE_ID);
  await fixture.whenStable();
  http.expectOne(`/api/pledges/${PLEDGE_ID}`).flush(shown);
  http.expectOne(`/api/pledges/${PLEDGE_ID}/timeline`).flush([]);
  await fixture.whenStable();
  return {
    fixture,
    el: fixture.nativeElement as HTMLElement,
    http,
    answer: async (method, url, body) => {
      const req = http.expectOne((r) => r.method === method && r.url === url);
      req.flush(body);
      http.expectOne(`/api/pledges/${PLEDGE_ID}/timeline`).flush([]);
      await fixture.whenStable();
      return req.request.body as Record<string, unknown>;
    },
  };
}
