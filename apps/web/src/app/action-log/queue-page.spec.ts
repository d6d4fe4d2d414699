import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import type { QueueItem } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import { byLabel, byName, page, problemBody, textOf, typeInto } from '../../testing/fixtures';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import { exportUrl } from './action-log-office-api';
import QueuePage, { queueHeading } from './queue-page';

const ITEM_ID = '55555555-5555-4555-8555-555555555555';
const SERVICE_ID = '11111111-1111-4111-8111-111111111111';
const OLD_SERVICE_ID = '22222222-2222-4222-8222-222222222222';
const THEME_ID = '33333333-3333-4333-8333-333333333333';

function queueItem(overrides: Partial<QueueItem> = {}): QueueItem {
  return {
    id: ITEM_ID,
    words: 'More evening sessions, please',
    saidOn: '2026-11-23',
    source: 'young_person',
    serviceName: 'Early Help',
    themeName: null,
    stage: 'to_acknowledge',
    acknowledgeBy: '2026-11-25T17:00:00.000Z',
    overdue: true,
    nextDueOn: null,
    ...overrides,
  };
}

describe('exportUrl and queueHeading', () => {
  it('puts only the chosen filters on the download address', () => {
    expect(exportUrl('csv', {})).toBe('/api/action-log/export.csv');
    expect(exportUrl('xlsx', { stage: 'to_tell', from: '2026-01-01', source: undefined })).toBe(
      '/api/action-log/export.xlsx?stage=to_tell&from=2026-01-01',
    );
  });

  it('names the list and whose it is', () => {
    expect(queueHeading({ kind: 'overdue', who: 'mine' })).toBe('Overdue: yours');
    expect(queueHeading({ kind: 'to_tell', who: 'everyone' })).toBe('To tell the young people: everyone’s');
  });
});

describe('QueuePage', () => {
  let fixture: ComponentFixture<QueuePage>;
  let el: HTMLElement;
  let http: HttpTestingController;

  const expectQueue = (kind: string, who: string, pageNumber = 1) =>
    http.expectOne(
      (req) =>
        req.url === '/api/action-log/queue' &&
        req.params.get('kind') === kind &&
        req.params.get('who') === who &&
        req.params.get('page') === String(pageNumber),
    );

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [QueuePage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNoopAnimations(),
        provideFormFieldDefaults(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(QueuePage);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne('/api/action-log/services').flush([
      { id: SERVICE_ID, name: 'Fostering', retired: false },
      { id: OLD_SERVICE_ID, name: 'Youth Offending', retired: true },
    ]);
    http
      .expectOne('/api/action-log/themes')
      .flush([{ id: THEME_ID, name: 'Sharing learning', retired: false }]);
  });

  async function choose(label: string, option: string): Promise<void> {
    byLabel<HTMLElement>(el, label).click();
    await fixture.whenStable();
    const match = Array.from(document.querySelectorAll<HTMLElement>('mat-option')).find(
      (o) => textOf(o) === option,
    );
    if (!match) throw new Error(`No option "${option}"`);
    match.click();
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  it('shows my items to acknowledge, flagged when overdue, with no axe violations', async () => {
    expectQueue('to_acknowledge', 'mine').flush(page([queueItem()]));
    await fixture.whenStable();
    expect(textOf(el.querySelector('#queue-heading'))).toBe('To acknowledge: yours');
    expect(textOf(el.querySelector('.count'))).toBe('1 waiting.');
    const record = el.querySelector('.heard-record');
    expect(textOf(record?.querySelector('.words'))).toBe('More evening sessions, please');
    expect(Array.from(record?.querySelectorAll('dt, dd') ?? []).map(textOf)).toEqual([
      'Said on',
      'Monday 23 November 2026',
      'From',
      'A young person',
      'Service',
      'Early Help',
      'Stage',
      'To acknowledge',
      'Acknowledge by',
      'Wednesday 25 November 2026',
    ]);
    expect(textOf(record?.querySelector('.overdue'))).toBe('Overdue');
    expect(await axeViolations(el)).toEqual([]);
  });

  it('switches list and whose, and pages', async () => {
    expectQueue('to_acknowledge', 'mine').flush(page([]));
    await fixture.whenStable();
    expect(textOf(el.querySelector('heard-empty-state'))).toContain('Nothing is waiting in this list.');
    byName(el, 'Overdue', 'button').click();
    expectQueue('overdue', 'mine').flush(page([queueItem({ stage: 'to_tell', nextDueOn: '2026-11-20' })]));
    await fixture.whenStable();
    expect(Array.from(el.querySelectorAll('dt')).map(textOf)).toContain('Next We will due');
    byName(el, 'Everyone’s', 'button').click();
    expectQueue('overdue', 'everyone').flush(page([queueItem()], { total: 30 }));
    await fixture.whenStable();
    byName(el, 'Next page').click();
    expectQueue('overdue', 'everyone', 2).flush(page([queueItem()], { total: 30, page: 2 }));
    await fixture.whenStable();
    expect(textOf(el.querySelector('.page-number'))).toBe('Page 2');
    expect(byName<HTMLButtonElement>(el, 'Next page').disabled).toBe(true);
  });

  it('says when the queue cannot be read', async () => {
    expectQueue('to_acknowledge', 'mine').flush(
      problemBody(503, 'Heard cannot reach its database just now.'),
      {
        status: 503,
        statusText: 'Service unavailable',
      },
    );
    await fixture.whenStable();
    expect(textOf(el.querySelector('heard-problem-alert'))).toContain(
      'Heard cannot reach its database just now.',
    );
  });

  it('downloads the log with the chosen period, and refuses a period that ends before it starts', async () => {
    expectQueue('to_acknowledge', 'mine').flush(page([]));
    await fixture.whenStable();
    expect(byName<HTMLAnchorElement>(el, 'Download CSV').getAttribute('href')).toBe(
      '/api/action-log/export.csv',
    );
    typeInto(byLabel(el, 'Said from'), '2026-04-01');
    typeInto(byLabel(el, 'Said to'), '2026-06-30');
    await fixture.whenStable();
    expect(byName<HTMLAnchorElement>(el, 'Download XLSX').getAttribute('href')).toBe(
      '/api/action-log/export.xlsx?from=2026-04-01&to=2026-06-30',
    );
    typeInto(byLabel(el, 'Said to'), '2026-03-01');
    await fixture.whenStable();
    expect(textOf(el.querySelector('[role="alert"]'))).toBe('The end of the period is before its start.');
    expect(el.querySelector('.downloads')).toBeNull();
  });

  it('downloads the log for the chosen service and theme, retired services included', async () => {
    expectQueue('to_acknowledge', 'mine').flush(page([]));
    await fixture.whenStable();
    await choose('Service', 'Youth Offending (retired)');
    await choose('Theme', 'Sharing learning');
    expect(byName<HTMLAnchorElement>(el, 'Download CSV').getAttribute('href')).toBe(
      `/api/action-log/export.csv?service=${OLD_SERVICE_ID}&theme=${THEME_ID}`,
    );
    await choose('Service', 'Any service');
    expect(byName<HTMLAnchorElement>(el, 'Download XLSX').getAttribute('href')).toBe(
      `/api/action-log/export.xlsx?theme=${THEME_ID}`,
    );
    expect(await axeViolations(el)).toEqual([]);
  });
});
