import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { Role } from '@heard/domain';
import type { ReportExportStatusResponse, ReportResponse } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import { byName, problemBody, textOf } from '../../testing/fixtures';
import { signInAs } from '../../testing/session';
import { EXPORT_POLL_MS } from './report-export';
import ReportPage from './report-page';
import ReportsPage from './reports-page';

const REPORT_ID = '55555555-5555-4555-8555-555555555555';
const REPORT: ReportResponse = {
  id: REPORT_ID,
  kind: 'family_feedback',
  title: 'Family Feedback Report, June 2026 to November 2026',
  period: { from: '2026-06-01', to: '2026-11-30' },
  version: 3,
  createdAt: '2026-12-01T09:00:00.000Z',
  updatedAt: '2026-12-02T09:00:00.000Z',
  sections: [
    {
      key: 'you_said_we_did',
      title: 'You said, we did',
      text: {
        blocks: [
          { type: 'paragraph', children: [{ type: 'text', text: '<script>x</script> We listened.' }] },
        ],
      },
      tables: [
        {
          caption: 'Actions by theme',
          columns: ['Theme', 'We did', 'We will', 'We can’t'],
          rows: [{ label: 'Being open', values: [null, 0, 7] }],
        },
      ],
    },
  ],
};
const status = (over: Partial<ReportExportStatusResponse>): ReportExportStatusResponse => ({
  reportId: REPORT_ID,
  format: 'pdf',
  status: 'queued',
  step: 0,
  steps: 0,
  attempts: 0,
  lastError: null,
  madeAt: null,
  size: null,
  href: null,
  ...over,
});

describe('reports pages', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => {
    http.verify();
    jest.useRealTimers();
  });

  it('lists the reports and lets an officer draft one for the usual period, with no axe violations', async () => {
    await signInAs(Role.ParticipationOfficer);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const fixture = TestBed.createComponent(ReportsPage);
    const el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne('/api/reports').flush({ reports: [REPORT] });
    await fixture.whenStable();
    expect(textOf(byName(el, REPORT.title))).toBe(REPORT.title);
    expect(await axeViolations(el)).toEqual([]);
    byName(el, 'Draft the report').click();
    const request = http.expectOne({ method: 'POST', url: '/api/reports' });
    expect(request.request.body).toEqual({ kind: 'family_feedback' });
    request.flush(REPORT);
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/reports', REPORT_ID]);
  });

  it('shows a leader the reports without the draft form', async () => {
    await signInAs(Role.SeniorLeader);
    const fixture = TestBed.createComponent(ReportsPage);
    const el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne('/api/reports').flush({ reports: [] });
    await fixture.whenStable();
    expect(textOf(el)).toContain('No reports yet.');
    expect(el.textContent).not.toContain('Draft the report');
  });

  /** Opens the report; each export then asks where its document is (none made unless given). */
  async function openReport(pdf: ReportExportStatusResponse = status({ status: null }), fakeTimers = false) {
    const fixture = TestBed.createComponent(ReportPage);
    fixture.componentRef.setInput('id', REPORT_ID);
    const el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne(`/api/reports/${REPORT_ID}`).flush(REPORT);
    await fixture.whenStable();
    // Fake timers from here, so a document still being made is asked about again on the test's clock.
    if (fakeTimers) jest.useFakeTimers();
    http.expectOne({ method: 'GET', url: `/api/reports/${REPORT_ID}/exports/pdf` }).flush(pdf);
    http
      .expectOne({ method: 'GET', url: `/api/reports/${REPORT_ID}/exports/docx` })
      .flush(status({ format: 'docx', status: null }));
    if (fakeTimers) fixture.detectChanges();
    else await fixture.whenStable();
    return { fixture, el };
  }

  it('edits a section with the plan’s editor, keeping script as text and withheld counts as words', async () => {
    await signInAs(Role.ParticipationOfficer);
    const { fixture, el } = await openReport();
    const box = el.querySelector<HTMLTextAreaElement>('textarea');
    expect(box?.value).toBe('<script>x</script> We listened.');
    expect(el.querySelector('script')).toBeNull();
    expect(Array.from(el.querySelectorAll('tbody td')).map(textOf)).toEqual(['fewer than 5', '0', '7']);
    expect(await axeViolations(el)).toEqual([]);
    if (!box) throw new Error('No text box.');
    // The live region is there before anything is said, so its first words are read out.
    expect(textOf(el.querySelector('heard-report-section-editor [role="status"]'))).toBe('');
    box.value = 'We listened all year.';
    box.dispatchEvent(new Event('input'));
    byName(el, 'Save this section').click();
    const request = http.expectOne({
      method: 'PUT',
      url: `/api/reports/${REPORT_ID}/sections/you_said_we_did`,
    });
    expect(request.request.body).toEqual({
      version: 3,
      text: { blocks: [{ type: 'paragraph', children: [{ type: 'text', text: 'We listened all year.' }] }] },
    });
    request.flush(problemBody(409, 'Someone changed this report since you opened it.'), {
      status: 409,
      statusText: 'Conflict',
    });
    await fixture.whenStable();
    expect(textOf(el.querySelector('heard-problem-alert'))).toContain('Someone changed this report');
  });

  it('exports a PDF, showing its progress while it is made, then the download link', async () => {
    await signInAs(Role.ParticipationOfficer);
    const { fixture, el } = await openReport();
    jest.useFakeTimers();
    expect(el.querySelector('[data-export="pdf"] [role="status"]')).not.toBeNull();
    expect(textOf(el.querySelector('[data-export="pdf"] [role="status"]'))).toBe('');
    byName(el, 'Export PDF').click();
    http
      .expectOne({ method: 'POST', url: `/api/reports/${REPORT_ID}/exports` })
      .flush(status({ status: 'queued' }), { status: 202, statusText: 'Accepted' });
    fixture.detectChanges();
    expect(textOf(el.querySelector('[data-export="pdf"] [role="status"]'))).toBe(
      'The PDF is waiting to be made.',
    );
    jest.advanceTimersByTime(EXPORT_POLL_MS);
    http
      .expectOne(`/api/reports/${REPORT_ID}/exports/pdf`)
      .flush(status({ status: 'making', step: 3, steps: 8 }));
    fixture.detectChanges();
    expect(textOf(el.querySelector('[data-export="pdf"] [role="status"]'))).toBe(
      'Making the PDF: step 3 of 8.',
    );
    expect(el.querySelector('[data-export="pdf"] mat-progress-bar')?.getAttribute('aria-valuenow')).toBe(
      '38',
    );
    jest.advanceTimersByTime(EXPORT_POLL_MS);
    const href = `/api/reports/${REPORT_ID}/exports/pdf/file`;
    http
      .expectOne(`/api/reports/${REPORT_ID}/exports/pdf`)
      .flush(status({ status: 'ready', step: 8, steps: 8, attempts: 1, href }));
    fixture.detectChanges();
    expect(byName<HTMLAnchorElement>(el, 'Download the PDF').getAttribute('href')).toBe(href);
  });

  it('shows a leader the report to read, without editing or exporting', async () => {
    await signInAs(Role.SeniorLeader);
    const { el } = await openReport();
    expect(el.querySelector('textarea')).toBeNull();
    expect(el.textContent).not.toContain('Export PDF');
    expect(el.querySelector('[data-export="pdf"] a')).toBeNull();
    expect(textOf(el)).toContain('<script>x</script> We listened.');
  });

  it('shows a leader the link to a PDF already made, with no export button', async () => {
    await signInAs(Role.SeniorLeader);
    const href = `/api/reports/${REPORT_ID}/exports/pdf/file`;
    const { el } = await openReport(status({ status: 'ready', step: 8, steps: 8, attempts: 1, href }));
    expect(byName<HTMLAnchorElement>(el, 'Download the PDF').getAttribute('href')).toBe(href);
    expect(textOf(el.querySelector('[data-export="pdf"] [role="status"]'))).toBe('The PDF is ready.');
    expect(el.querySelector('button')).toBeNull();
    expect(el.textContent).not.toContain('Export PDF');
    expect(el.textContent).not.toContain('Export DOCX');
    expect(await axeViolations(el)).toEqual([]);
  });

  it('shows an officer reopening the report the PDF made before, and still offers a new one', async () => {
    await signInAs(Role.ParticipationOfficer);
    const href = `/api/reports/${REPORT_ID}/exports/pdf/file`;
    const { el } = await openReport(status({ status: 'ready', step: 8, steps: 8, attempts: 1, href }));
    expect(byName<HTMLAnchorElement>(el, 'Download the PDF').getAttribute('href')).toBe(href);
    expect(textOf(byName(el, 'Export PDF'))).toBe('Export PDF');
    expect(el.querySelector('[data-export="docx"] a')).toBeNull();
  });

  it('keeps asking on opening while a PDF is still being made', async () => {
    await signInAs(Role.ParticipationOfficer);
    const { fixture, el } = await openReport(status({ status: 'making', step: 2, steps: 8 }), true);
    expect(textOf(el.querySelector('[data-export="pdf"] [role="status"]'))).toBe(
      'Making the PDF: step 2 of 8.',
    );
    jest.advanceTimersByTime(EXPORT_POLL_MS);
    const href = `/api/reports/${REPORT_ID}/exports/pdf/file`;
    http
      .expectOne(`/api/reports/${REPORT_ID}/exports/pdf`)
      .flush(status({ status: 'ready', step: 8, steps: 8, attempts: 1, href }));
    fixture.detectChanges();
    expect(byName<HTMLAnchorElement>(el, 'Download the PDF').getAttribute('href')).toBe(href);
  });
});
