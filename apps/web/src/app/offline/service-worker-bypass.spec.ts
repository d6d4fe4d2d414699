import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { bypassServiceWorkerForApi } from './day-store.interceptor';

describe('the service worker and the API', () => {
  it('sends API requests past the service worker, and nothing else', () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([bypassServiceWorkerForApi])),
        provideHttpClientTesting(),
      ],
    });
    const http = TestBed.inject(HttpClient);
    const backend = TestBed.inject(HttpTestingController);
    http.get('/api/activities/a-1').subscribe();
    http.get('/assets/picture.svg').subscribe();
    expect(backend.expectOne('/api/activities/a-1').request.headers.get('ngsw-bypass')).toBe('true');
    expect(backend.expectOne('/assets/picture.svg').request.headers.has('ngsw-bypass')).toBe(false);
    backend.verify();
  });
});
