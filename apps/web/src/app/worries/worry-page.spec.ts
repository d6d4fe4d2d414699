import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Role } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import { byName, problemBody, textOf, typeInto } from '../../testing/fixtures';
import { signInAs } from '../../testing/session';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import { WORRY_ID, worryResponse } from './worry-fixtures';
import WorryPage from './worry-page';

const URL = `/api/worries/${WORRY_ID}`;

describe('WorryPage', () => {
  let fixture: ComponentFixture<WorryPage>;
  let el: HTMLElement;
  let http: HttpTestingController;

  async function open(): Promise<void> {
    TestBed.configureTestingModule({
      imports: [WorryPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFormFieldDefaults(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    await signInAs(Role.SeniorLeader);
    fixture = TestBed.createComponent(WorryPage);
    fixture.componentRef.setInput('id', WORRY_ID);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  it('shows who, when, how it came and the words, and acknowledges with a note', async () => {
    await open();
    http.expectOne(URL).flush(worryResponse());
    await fixture.whenStable();
    expect(textOf(el)).toContain('Robin');
    expect(textOf(el)).toContain('Raised by a member of staff , by Olu Officer');
    expect(el.querySelector('blockquote')?.textContent).toBe('Robin said someone at home hit them.');
    expect(await axeViolations(el)).toEqual([]);

    typeInto(el.querySelector('textarea') as HTMLTextAreaElement, 'Phoned the social worker.');
    byName(el, 'Acknowledge').click();
    const req = http.expectOne({ method: 'POST', url: `${URL}/acknowledge` });
    expect(req.request.body).toEqual({ note: 'Phoned the social worker.' });
    req.flush(
      worryResponse({
        acknowledgedAt: '2026-03-02T10:30:00.000Z',
        acknowledgedBy: { id: 'c', displayName: 'Sade Lead' },
        acknowledgementNote: 'Phoned the social worker.',
      }),
    );
    await fixture.whenStable();
    expect(textOf(el.querySelector('[role="status"]'))).toContain('Acknowledged by Sade Lead');
    expect(el.querySelector('button')).toBeNull();
  });

  it('names a round link with no identity, and its round', async () => {
    await open();
    http
      .expectOne(URL)
      .flush(
        worryResponse({ youngPerson: null, raisedBy: null, source: { kind: 'round_link', id: 'round-7' } }),
      );
    await fixture.whenStable();
    expect(textOf(el)).toContain('A young person using a round link (no name given)');
    expect(textOf(el)).toContain('(round round-7)');
  });

  it('shows the refusal to someone who is not a safeguarding contact', async () => {
    await open();
    http.expectOne(URL).flush(problemBody(403, 'Only safeguarding contacts can see worries.'), {
      status: 403,
      statusText: 'Forbidden',
    });
    await fixture.whenStable();
    expect(textOf(el)).toContain('Only safeguarding contacts can see worries.');
    expect(el.querySelector('blockquote')).toBeNull();
  });
});
