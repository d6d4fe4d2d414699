import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
  type TestRequest,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter } from '@angular/router';
import { AuditRecordType } from '@heard/domain';
import type { AuditEventResponse, Page } from '@heard/domain';
import { axeViolations } from '../../../testing/axe';
import { provideFormFieldDefaults } from '../../shared/form-field-defaults';
import AuditPage from './audit-page';
import {
  AUDIT_ACTIONS,
  auditActionLabel,
  detailText,
  endOfDay,
  entityTypeLabel,
  startOfDay,
} from './audit-labels';

const ACTOR = '0b7c3e5a-1f2d-4c8e-9a6b-3d2e1f0a9b8c';

function events(items: Partial<AuditEventResponse>[]): Page<AuditEventResponse> {
  return {
    items: items.map((item, i) => ({
      id: `e-${i}`,
      at: '2026-03-02T10:15:00Z',
      actorUserId: ACTOR,
      action: 'sign_in' as AuditEventResponse['action'],
      entityType: AuditRecordType.User,
      entityId: ACTOR,
      detail: {},
      requestId: null,
      deviceTime: null,
      ...item,
    })),
    total: items.length,
    page: 1,
    pageSize: 50,
  };
}

describe('AuditPage', () => {
  let fixture: ComponentFixture<AuditPage>;
  let el: HTMLElement;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [AuditPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFormFieldDefaults(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AuditPage);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  function expectList(): TestRequest {
    return http.expectOne((req) => req.method === 'GET' && req.url === '/api/audit');
  }

  async function type(name: string, value: string): Promise<void> {
    const input = el.querySelector<HTMLInputElement>(`input[formcontrolname="${name}"]`);
    if (!input) throw new Error(`No ${name}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  async function apply(): Promise<void> {
    el.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();
  }

  it('loads the first page of 50 events and shows them with readable labels', async () => {
    const req = expectList();
    expect(req.request.params.keys().sort()).toEqual(['page', 'pageSize']);
    expect(req.request.params.get('pageSize')).toBe('50');
    req.flush(
      events([
        { action: 'sign_in_failed' as AuditEventResponse['action'], detail: { reason: 'bad_password' } },
      ]),
    );
    await fixture.whenStable();
    const cells = Array.from(el.querySelectorAll('tr.mat-mdc-row td')).map((td) => td.textContent?.trim());
    expect(cells[1]).toBe('Sign-in failed');
    expect(cells[2]).toContain('User');
    expect(cells[4]).toContain('reason: bad_password');
    expect(el.querySelector('#events-heading')?.textContent).toContain('(1)');
    expect(await axeViolations(el)).toEqual([]);
  });

  it('sends the chosen filters, with dates as whole local days', async () => {
    expectList().flush(events([]));
    const loader = TestbedHarnessEnvironment.loader(fixture);
    await (await loader.getHarness(MatSelectHarness)).clickOptions({ text: 'Viewed' });
    await type('entityType', 'young_person');
    await type('actorUserId', ACTOR);
    await type('from', '2026-01-01');
    await type('to', '2026-01-31');
    await apply();
    const params = expectList().request.params;
    expect(params.get('action')).toBe('read');
    expect(params.get('entityType')).toBe('young_person');
    expect(params.get('actorUserId')).toBe(ACTOR);
    expect(params.get('from')).toBe(startOfDay('2026-01-01'));
    expect(params.get('to')).toBe(endOfDay('2026-01-31'));
    expect(params.get('page')).toBe('1');
  });

  it('refuses a partial user id or a "to" date before "from", without calling the API', async () => {
    expectList().flush(events([]));
    await type('actorUserId', '0b7c3e5a');
    await type('from', '2026-02-01');
    await type('to', '2026-01-01');
    await apply();
    const messages = Array.from(el.querySelectorAll('mat-error')).map((e) => e.textContent?.trim());
    expect(messages).toEqual([
      'Enter a whole user id, like 0b7c3e5a-1f2d-4c8e-9a6b-3d2e1f0a9b8c.',
      'The “to” date must be on or after the “from” date.',
    ]);
    http.expectNone((req) => req.url === '/api/audit');
  });

  it('says when nothing matches', async () => {
    expectList().flush(events([]));
    await fixture.whenStable();
    expect(el.querySelector('heard-empty-state h2')?.textContent).toBe('No events');
  });

  it('shows the server’s problem', async () => {
    expectList().flush(
      { detail: 'Use a record type such as user or young_person.' },
      { status: 400, statusText: 'Bad' },
    );
    await fixture.whenStable();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain(
      'Use a record type such as user or young_person.',
    );
  });

  it('clears the filters', async () => {
    expectList().flush(events([]));
    await type('entityType', 'user');
    await apply();
    expect(expectList().request.params.get('entityType')).toBe('user');
    el.querySelectorAll<HTMLButtonElement>('.buttons button')[1].click();
    await fixture.whenStable();
    expect(expectList().request.params.has('entityType')).toBe(false);
    expect(el.querySelector<HTMLInputElement>('input[formcontrolname="entityType"]')?.value).toBe('');
  });
});

describe('audit labels', () => {
  it('has a label for every action', () => {
    for (const action of AUDIT_ACTIONS) {
      expect(auditActionLabel(action)).not.toBe(action);
    }
  });

  it('shows an unknown action as it came', () => {
    expect(auditActionLabel('archived')).toBe('archived');
  });

  it('turns record types into words', () => {
    expect(entityTypeLabel('young_person')).toBe('Young person');
  });

  it('lists detail as key: value pairs', () => {
    expect(detailText({ detail: { from: 'practitioner', to: 'administrator', count: 2, flag: null } })).toBe(
      'from: practitioner, to: administrator, count: 2, flag: –',
    );
  });

  it('makes "to" cover the whole day', () => {
    expect(new Date(endOfDay('2026-01-31')).getTime() - new Date(startOfDay('2026-01-31')).getTime()).toBe(
      24 * 60 * 60 * 1000 - 1,
    );
  });
});
