import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Injector, runInInjectionContext } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { problemBody } from '../../testing/fixtures';
import { ActionLogApi } from './action-log-api';
import { serviceAndThemeChoices } from './service-and-theme-choices';

describe('serviceAndThemeChoices', () => {
  let http: HttpTestingController;
  const load = (cannot: string) =>
    runInInjectionContext(TestBed.inject(Injector), () =>
      serviceAndThemeChoices(TestBed.inject(ActionLogApi), cannot),
    );

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
  });

  it('offers every service and theme, retired ones too', () => {
    const choices = load('filter by them');
    const early = { id: 's1', name: 'Early Help', retired: false };
    const old = { id: 's2', name: 'Old service', retired: true };
    const theme = { id: 't1', name: 'Sharing learning', retired: false };
    http.expectOne('/api/action-log/services').flush([early, old]);
    http.expectOne('/api/action-log/themes').flush([theme]);
    expect(choices.services()).toEqual([early, old]);
    expect(choices.themes()).toEqual([theme]);
    expect(choices.problem()).toBeNull();
  });

  it('says what cannot be done when the lists fail to load', () => {
    const choices = load('choose them for the download');
    http.expectOne('/api/action-log/services').flush([]);
    http
      .expectOne('/api/action-log/themes')
      .flush(problemBody(503, 'Heard cannot reach its database just now.'), {
        status: 503,
        statusText: 'Service unavailable',
      });
    expect(choices.services()).toEqual([]);
    expect(choices.problem()?.detail).toBe(
      'We could not load the services and themes, so you cannot choose them for the download just now. Heard cannot reach its database just now.',
    );
  });
});
