import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import { axeViolations } from '../../testing/axe';
import { byLabel, byName, problemBody, textOf, typeInto } from '../../testing/fixtures';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import ImportPage from './import-page';

const CSV = 'Said on,Source,Summary\n2026-11-23,survey,Clearer letters';

describe('ImportPage', () => {
  let fixture: ComponentFixture<ImportPage>;
  let el: HTMLElement;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [ImportPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNoopAnimations(),
        provideFormFieldDefaults(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ImportPage);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const check = async () => {
    typeInto(byLabel<HTMLTextAreaElement>(el, 'Or paste the CSV here'), CSV);
    await fixture.whenStable();
    byName(el, 'Check the rows').click();
    const req = http.expectOne('/api/action-log/import/preview');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ csv: CSV });
    return req;
  };

  it('names every refused row and its reasons, and offers no import, with no axe violations', async () => {
    expect(byName<HTMLButtonElement>(el, 'Check the rows').disabled).toBe(true);
    (await check()).flush({
      accepted: [
        {
          line: 2,
          saidOn: '2026-11-23',
          source: 'survey',
          serviceName: null,
          themeName: null,
          channel: null,
          words: 'Clearer letters',
        },
      ],
      refused: [{ line: 3, reasons: ['“Summary” is empty.', '“someone” is not a source Heard knows.'] }],
    });
    await fixture.whenStable();
    expect(textOf(el.querySelector('#refused-heading'))).toBe('Rows that cannot be imported (1)');
    expect(textOf(el.querySelector('.refused > li')?.firstChild as Element)).toBe('Line 3:');
    expect(Array.from(el.querySelectorAll('.refused li li')).map(textOf)).toEqual([
      '“Summary” is empty.',
      '“someone” is not a source Heard knows.',
    ]);
    expect(Array.from(el.querySelectorAll('tbody td')).map(textOf)).toEqual([
      '2',
      'Monday 23 November 2026',
      'A survey',
      '',
      '',
      'Clearer letters',
    ]);
    expect(Array.from(el.querySelectorAll('button')).map(textOf)).not.toContain('Import 1 row');
    expect(await axeViolations(el)).toEqual([]);
  });

  it('imports every row once none is refused, and says where they went', async () => {
    (await check()).flush({
      accepted: [
        {
          line: 2,
          saidOn: '2026-11-23',
          source: 'survey',
          serviceName: null,
          themeName: null,
          channel: null,
          words: 'Clearer letters',
        },
      ],
      refused: [],
    });
    await fixture.whenStable();
    byName(el, 'Import 1 row').click();
    const req = http.expectOne('/api/action-log/import');
    expect(req.request.body).toEqual({ csv: CSV });
    req.flush(
      { imported: 1, itemIds: ['55555555-5555-4555-8555-555555555555'] },
      { status: 201, statusText: 'Created' },
    );
    await fixture.whenStable();
    expect(textOf(el.querySelector('.heard-status'))).toBe(
      '1 item was imported. They are in your queue to acknowledge.',
    );
  });

  it('shows the problem with the file as a whole', async () => {
    (await check()).flush(problemBody(400, 'Unknown columns: name.', { csv: ['Unknown columns: name.'] }), {
      status: 400,
      statusText: 'Bad request',
    });
    await fixture.whenStable();
    expect(textOf(el.querySelector('heard-problem-alert'))).toContain('Unknown columns: name.');
  });
});
