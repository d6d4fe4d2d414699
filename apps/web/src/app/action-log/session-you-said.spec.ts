import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter } from '@angular/router';
import { axeViolations } from '../../testing/axe';
import {
  OTHER_PERSON_ID,
  PERSON_ID,
  SESSION_ID,
  byLabel,
  byName,
  problemBody,
  textOf,
  typeInto,
} from '../../testing/fixtures';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import { itemSummary } from './item-fixtures';
import { SessionYouSaid, sessionRequest } from './session-you-said';

const URL = `/api/groups/sessions/${SESSION_ID}/you-said`;

describe('SessionYouSaid (the session page’s "You said" panel)', () => {
  let fixture: ComponentFixture<SessionYouSaid>;
  let el: HTMLElement;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [SessionYouSaid],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFormFieldDefaults(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SessionYouSaid);
    fixture.componentRef.setInput('sessionId', SESSION_ID);
    fixture.componentRef.setInput('people', [
      { youngPersonId: PERSON_ID, preferredName: 'Sam' },
      { youngPersonId: OTHER_PERSON_ID, preferredName: 'Ali' },
    ]);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  async function settle(): Promise<void> {
    await fixture.whenStable();
  }

  it('lists what was recorded at the session, with no axe violations', async () => {
    http.expectOne(URL).flush([itemSummary({ overdue: true, speakerCount: 2 })]);
    await settle();
    const said = textOf(el.querySelector('.said'));
    expect(said).toContain('Tell us sooner when our social worker changes.');
    expect(said).toContain('To acknowledge. Overdue: it should have been acknowledged by 9 Mar 2026, 17:00.');
    expect(said).toContain('From 2 young people.');
    expect(await axeViolations(el)).toEqual([]);
  });

  it('records two things at once, each with who said it, and focuses the result', async () => {
    http.expectOne(URL).flush([]);
    await settle();
    expect(el.textContent).toContain('Nothing yet.');
    typeInto(byLabel<HTMLTextAreaElement>(el, 'What was said (item 1)'), 'More trips in the holidays.');
    byName(el, 'Add another').click();
    await settle();
    const second = byLabel<HTMLTextAreaElement>(el, 'What was said (item 2)');
    expect(document.activeElement).toBe(second);
    typeInto(second, 'Meet somewhere nearer the bus station.');
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const selects = await loader.getAllHarnesses(MatSelectHarness);
    await selects[0].clickOptions({ text: 'Sam' });
    await selects[1].clickOptions({ text: /^(Sam|Ali)$/ });
    await selects[1].close();
    expect(byName(el, 'Record 2 items')).toBeTruthy();
    byName(el, 'Record 2 items').click();

    const req = http.expectOne({ method: 'POST', url: URL });
    expect(req.request.body).toEqual({
      items: [
        { summary: 'More trips in the holidays.', youngPersonIds: [PERSON_ID] },
        { summary: 'Meet somewhere nearer the bus station.', youngPersonIds: [PERSON_ID, OTHER_PERSON_ID] },
      ],
      attributable: false,
    });
    req.flush([itemSummary({ id: 'a' }), itemSummary({ id: 'b' })]);
    await settle();
    http
      .expectOne(URL)
      .flush([itemSummary({ id: 'a' }), itemSummary({ id: 'b', summary: 'Nearer the bus.' })]);
    await settle();
    const status = el.querySelector('.you-said-status p');
    expect(textOf(status)).toBe('Recorded 2 items. They are in the log, to be acknowledged.');
    expect(document.activeElement).toBe(status);
    expect(el.querySelectorAll('.said li')).toHaveLength(2);
    expect(byLabel<HTMLTextAreaElement>(el, 'What was said (item 1)').value).toBe('');
  });

  it('sends nothing while there is nothing written, and focuses the box to fill', async () => {
    http.expectOne(URL).flush([]);
    await settle();
    byName(el, 'Record it').click();
    await settle();
    expect(document.activeElement).toBe(byLabel(el, 'What was said (item 1)'));
    expect(el.textContent).toContain('Write what was said, or remove this item.');
  });

  it('puts the API’s message on the row it is about', async () => {
    http.expectOne(URL).flush([]);
    await settle();
    typeInto(byLabel<HTMLTextAreaElement>(el, 'What was said (item 1)'), 'Something.');
    byName(el, 'Record it').click();
    http.expectOne({ method: 'POST', url: URL }).flush(
      problemBody(400, 'Please check what was said.', {
        'items.0.youngPersonIds': ['Name only young people of this group.'],
      }),
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(textOf(el.querySelector('heard-problem-alert'))).toContain('Item 1: Who said it');
    expect(textOf(el.querySelector('.row'))).toContain('Name only young people of this group.');
  });
});

describe('sessionRequest', () => {
  it('leaves out blank rows and trims the words', () => {
    expect(
      sessionRequest(
        [
          { summary: '  Yes please ', youngPersonIds: [] },
          { summary: '   ', youngPersonIds: [] },
        ],
        true,
      ),
    ).toEqual({ items: [{ summary: 'Yes please', youngPersonIds: [] }], attributable: true });
  });
});
