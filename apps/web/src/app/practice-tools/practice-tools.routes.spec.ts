import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import {
  type ActivatedRouteSnapshot,
  Router,
  type RouterStateSnapshot,
  provideRouter,
} from '@angular/router';
import { Role } from '@heard/domain';
import { signInAs } from '../../testing/session';
import { officersOnly } from './practice-tools.routes';

describe('officersOnly', () => {
  async function decide(role: Role): Promise<unknown> {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    await signInAs(role);
    const result = TestBed.runInInjectionContext(() =>
      officersOnly({} as ActivatedRouteSnapshot, {} as RouterStateSnapshot),
    );
    TestBed.inject(HttpTestingController).verify();
    return result;
  }

  it('lets an officer open the forms', async () => {
    expect(await decide(Role.ParticipationOfficer)).toBe(true);
  });

  it('sends a senior leader to the list instead of a form the API would refuse', async () => {
    const result = await decide(Role.SeniorLeader);
    expect(TestBed.inject(Router).serializeUrl(result as never)).toBe('/practice-tools');
  });
});
