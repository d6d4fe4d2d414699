import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { YoungPeopleApi } from '../young-people/young-people-api';
import { GroupsApi } from './groups-api';
import { SessionsApi } from './sessions-api';
import { GROUP_ID, PERSON_ID, SESSION_ID, page } from '../../testing/fixtures';

describe('API services', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('searches young people by name, a few at a time', async () => {
    const result = firstValueFrom(TestBed.inject(YoungPeopleApi).search(' Sa '));
    const req = http.expectOne((r) => r.url === '/api/young-people');
    expect(req.request.params.get('q')).toBe('Sa');
    expect(req.request.params.get('pageSize')).toBe('10');
    req.flush(page([]));
    expect((await result).items).toEqual([]);
  });

  it('archives with a reason, or with null for none', () => {
    const api = TestBed.inject(YoungPeopleApi);
    api.archive(PERSON_ID, null).subscribe();
    expect(http.expectOne(`/api/young-people/${PERSON_ID}/archive`).request.body).toEqual({ reason: null });
  });

  it('generates sessions up to a date only when one is given', () => {
    const api = TestBed.inject(GroupsApi);
    api.generateSessions(GROUP_ID).subscribe();
    api.generateSessions(GROUP_ID, '2026-06-30').subscribe();
    const [plain, until] = http.match(`/api/groups/${GROUP_ID}/sessions/generate`);
    expect(plain.request.body).toEqual({});
    expect(until.request.body).toEqual({ until: '2026-06-30' });
  });

  it('asks for members and ageing-out on a date', () => {
    const api = TestBed.inject(GroupsApi);
    api.members(GROUP_ID, '2026-03-01').subscribe();
    api.ageingOut('2026-09-01').subscribe();
    expect(http.expectOne((r) => r.url === `/api/groups/${GROUP_ID}/members`).request.params.get('on')).toBe(
      '2026-03-01',
    );
    expect(http.expectOne((r) => r.url === '/api/groups/ageing-out').request.params.get('on')).toBe(
      '2026-09-01',
    );
  });

  it('lists a group’s sessions in a date range and records attendance with PUT', () => {
    const api = TestBed.inject(SessionsApi);
    api.list({ from: '2026-03-02', to: '2026-03-08', groupId: GROUP_ID }).subscribe();
    const list = http.expectOne((r) => r.url === '/api/sessions');
    expect(list.request.params.toString()).toBe(`from=2026-03-02&to=2026-03-08&groupId=${GROUP_ID}`);
    api.recordAttendance(SESSION_ID, [{ youngPersonId: PERSON_ID, status: 'present' }]).subscribe();
    const put = http.expectOne(`/api/sessions/${SESSION_ID}/attendance`);
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({ entries: [{ youngPersonId: PERSON_ID, status: 'present' }] });
  });
});
