import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import {
  RETENTION_RULES,
  RetentionKind,
  type RetentionOverviewResponse,
  type RetentionSettingResponse,
  Role,
} from '@heard/domain';
import { axeViolations } from '../../../testing/axe';
import { byLabel, byName, problemBody, textOf, typeInto } from '../../../testing/fixtures';
import { signInAs } from '../../../testing/session';
import { provideFormFieldDefaults } from '../../shared/form-field-defaults';
import RetentionPage from './retention-page';

const setting = (kind: RetentionKind, days?: number): RetentionSettingResponse => {
  const rule = RETENTION_RULES.find((r) => r.kind === kind);
  if (!rule) throw new Error(kind);
  return { ...rule, days: days ?? rule.defaultDays, updatedAt: null };
};

function overview(lastRun: RetentionOverviewResponse['lastRun']): RetentionOverviewResponse {
  return {
    kinds: RETENTION_RULES.map((r) => setting(r.kind, r.kind === RetentionKind.MailOutbox ? 90 : undefined)),
    lastRun,
  };
}

const counts = Object.fromEntries(RETENTION_RULES.map((r, i) => [r.kind, i])) as Record<
  RetentionKind,
  number
>;

describe('RetentionPage', () => {
  let fixture: ComponentFixture<RetentionPage>;
  let el: HTMLElement;
  let http: HttpTestingController;

  const open = async (body: RetentionOverviewResponse) => {
    TestBed.configureTestingModule({
      imports: [RetentionPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFormFieldDefaults(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    await signInAs(Role.Administrator);
    fixture = TestBed.createComponent(RetentionPage);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne('/api/retention').flush(body);
    await fixture.whenStable();
  };

  afterEach(() => http.verify());

  const section = (kind: RetentionKind) => el.querySelector(`section.kind-${kind}`) as HTMLElement;
  /** What the kind's section says against a term: "Kept now", "Default", "Can be set"... */
  const says = (kind: RetentionKind, term: string) =>
    textOf(
      Array.from(section(kind).querySelectorAll('dt')).find((dt) => textOf(dt) === term)?.nextElementSibling,
    );

  it('lists every kind with its default, current period, bounds and reason, with no axe violations', async () => {
    await open(
      overview({ startedAt: '2026-12-05T02:05:00.000Z', finishedAt: '2026-12-05T02:05:03.000Z', counts }),
    );
    expect(el.querySelectorAll('section.kind')).toHaveLength(RETENTION_RULES.length);
    const mail = RetentionKind.MailOutbox;
    expect(says(mail, 'Kept now')).toBe('3 months (90 days)');
    expect(says(mail, 'Default')).toBe('6 months (182 days)');
    expect(says(mail, 'Can be set')).toBe('From 1 month to 2 years (30 to 730 days)');
    expect(says(mail, 'Why')).toContain('Six months answers');
    expect(byLabel(section(RetentionKind.MailOutbox), 'Days to keep').value).toBe('90');
    expect(says(RetentionKind.Worry, 'Can be set')).toBe('From 1 year to 25 years (365 to 9125 days)');
    expect(says(RetentionKind.Worry, 'Why')).toContain('safeguarding record');
    // The last run: counts per kind, nothing about anyone.
    const lastRun = textOf(el.querySelector('section.last-run'));
    expect(lastRun).toContain('The daily job last ran on 5 December 2026');
    const rows = Array.from(el.querySelectorAll('section.last-run tbody tr')).map((tr) =>
      Array.from(tr.children).map((cell) => textOf(cell)),
    );
    expect(rows).toEqual(RETENTION_RULES.map((r, i) => [r.label, String(i)]));
    expect(await axeViolations(el)).toEqual([]);
  });

  it('says when the job has not run yet', async () => {
    await open(overview(null));
    expect(textOf(el.querySelector('section.last-run'))).toContain('The daily job has not run yet.');
  });

  it('saves a period within bounds and shows it', async () => {
    await open(overview(null));
    const invitations = section(RetentionKind.Invitation);
    typeInto(byLabel(invitations, 'Days to keep'), '1095');
    byName(invitations, 'Save').click();
    const req = http.expectOne({ method: 'PUT', url: '/api/retention/invitation' });
    expect(req.request.body).toEqual({ days: 1095 });
    req.flush(setting(RetentionKind.Invitation, 1095));
    await fixture.whenStable();
    expect(textOf(invitations)).toContain(
      'Saved. Invitations and their replies: kept for 3 years (1095 days).',
    );
    expect(says(RetentionKind.Invitation, 'Kept now')).toBe('3 years (1095 days)');
  });

  it('sends nothing and focuses the field when the period is outside the bounds', async () => {
    await open(overview(null));
    const young = section(RetentionKind.YoungPerson);
    typeInto(byLabel(young, 'Days to keep'), '100');
    await fixture.whenStable();
    byName(young, 'Save').click();
    await fixture.whenStable();
    http.expectNone({ method: 'PUT' });
    expect(document.activeElement).toBe(byLabel(young, 'Days to keep'));
    expect(textOf(young)).toContain('Give a whole number of days from 365 to 2190.');
  });

  it("shows the server's refusal on the field", async () => {
    await open(overview(null));
    const worry = section(RetentionKind.Worry);
    typeInto(byLabel(worry, 'Days to keep'), '400');
    byName(worry, 'Save').click();
    http
      .expectOne({ method: 'PUT', url: '/api/retention/worry' })
      .flush(problemBody(400, 'Please check this field: days.', { days: ['At least 1 year (365 days).'] }), {
        status: 400,
        statusText: 'Bad Request',
      });
    await fixture.whenStable();
    expect(textOf(worry)).toContain('At least 1 year (365 days).');
    expect(says(RetentionKind.Worry, 'Kept now')).toBe('3 years (1095 days)');
  });
});
