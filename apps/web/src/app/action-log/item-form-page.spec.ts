import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatAutocompleteHarness } from '@angular/material/autocomplete/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { Router, provideRouter } from '@angular/router';
import { Role, todayInLondon } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import {
  GROUP_ID,
  PERSON_ID,
  byLabel,
  byName,
  listItem,
  page,
  problemBody,
  textOf,
  typeInto,
} from '../../testing/fixtures';
import { signInAs } from '../../testing/session';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import { ITEM_ID, SERVICE_ID, THEME_ID, itemDetail } from './item-fixtures';
import ItemFormPage from './item-form-page';

describe('ItemFormPage (recording what was said)', () => {
  let fixture: ComponentFixture<ItemFormPage>;
  let el: HTMLElement;
  let http: HttpTestingController;
  let navigate: jest.SpyInstance;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [ItemFormPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFormFieldDefaults(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    await signInAs(Role.ParticipationOfficer);
    fixture = TestBed.createComponent(ItemFormPage);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne('/api/action-log/services').flush([
      { id: SERVICE_ID, name: 'Fostering', retired: false },
      { id: 'old', name: 'Old service', retired: true },
    ]);
    http
      .expectOne('/api/action-log/themes')
      .flush([{ id: THEME_ID, name: 'Sharing learning', retired: false }]);
    http.expectOne((req) => req.url === '/api/groups').flush(page([{ id: GROUP_ID, name: 'Deputies' }]));
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  async function settle(): Promise<void> {
    await fixture.whenStable();
  }

  it('starts anonymous and dated today, and has no axe violations', async () => {
    expect(textOf(el.querySelector('h1'))).toBe('Record what was said');
    expect(byLabel(el, 'Date it was said').value).toBe(todayInLondon());
    const attributable = el.querySelector<HTMLInputElement>('mat-checkbox input[type="checkbox"]');
    expect(attributable?.checked).toBe(false);
    expect(await axeViolations(el)).toEqual([]);
  });

  it('focuses the first field to fix and sends nothing while the form is incomplete', async () => {
    byName(el, 'Record it').click();
    await settle();
    expect(document.activeElement).toBe(byLabel(el, 'What was said'));
    expect(el.textContent).toContain('Write what was said.');
    expect(el.textContent).toContain('Choose who it came from.');
  });

  it('records an item with a young person picked by name and a quote, then opens it', async () => {
    const loader = TestbedHarnessEnvironment.loader(fixture);
    typeInto(byLabel<HTMLTextAreaElement>(el, 'What was said'), '  Tell us sooner when our worker changes. ');
    await (
      await loader.getHarness(MatSelectHarness.with({ selector: '[formControlName="source"]' }))
    ).clickOptions({ text: 'A young person' });
    await (
      await loader.getHarness(MatSelectHarness.with({ selector: '[formControlName="channel"]' }))
    ).clickOptions({ text: 'In person' });
    const services = await loader.getHarness(
      MatSelectHarness.with({ selector: '[formControlName="serviceId"]' }),
    );
    await services.open();
    // A retired service is no longer offered.
    expect((await services.getOptions()).map((o) => o.getText())).toHaveLength(2);
    await services.clickOptions({ text: 'Fostering' });

    const picker = await loader.getHarness(MatAutocompleteHarness);
    await picker.enterText('Sa');
    await new Promise((resolve) => setTimeout(resolve, 300));
    http
      .expectOne((req) => req.url === '/api/young-people' && req.params.get('q') === 'Sa')
      .flush(page([listItem()]));
    await settle();
    await new Promise((resolve) => setTimeout(resolve));
    await settle();
    await picker.selectOption({ text: 'Sam, aged 13' });
    await settle();
    expect(textOf(el.querySelector('.speakers'))).toContain('Sam');

    byName(el, 'Add a quote').click();
    await settle();
    typeInto(byLabel<HTMLTextAreaElement>(el, 'Quote 1, in their words'), 'I found out last.');
    await (
      await loader.getHarness(MatSelectHarness.with({ selector: '[formControlName="youngPersonId"]' }))
    ).clickOptions({ text: 'Sam' });

    byName(el, 'Record it').click();
    const req = http.expectOne({ method: 'POST', url: '/api/action-log/items' });
    expect(req.request.body).toEqual({
      source: 'young_person',
      channel: 'in_person',
      serviceId: SERVICE_ID,
      themeId: null,
      saidOn: todayInLondon(),
      summary: 'Tell us sooner when our worker changes.',
      attributable: false,
      youngPersonIds: [PERSON_ID],
      groupId: null,
      sessionId: null,
      quotes: [{ words: 'I found out last.', youngPersonId: PERSON_ID }],
    });
    req.flush(itemDetail(), { status: 201, statusText: 'Created' });
    await settle();
    expect(navigate).toHaveBeenCalledWith(['/action-log/items', ITEM_ID]);
  });

  it('shows the API’s message on the field it is about', async () => {
    const loader = TestbedHarnessEnvironment.loader(fixture);
    typeInto(byLabel<HTMLTextAreaElement>(el, 'What was said'), 'From the group.');
    await (
      await loader.getHarness(MatSelectHarness.with({ selector: '[formControlName="source"]' }))
    ).clickOptions({ text: 'A group session' });
    await (
      await loader.getHarness(MatSelectHarness.with({ selector: '[formControlName="channel"]' }))
    ).clickOptions({ text: 'At a group session' });
    byName(el, 'Record it').click();
    http.expectOne({ method: 'POST', url: '/api/action-log/items' }).flush(
      problemBody(400, 'Please check these fields: groupId.', {
        groupId: ['Choose the group or the session it was said at.'],
      }),
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(textOf(el.querySelector('heard-problem-alert'))).toContain('Group');
    expect(el.textContent).toContain('Choose the group or the session it was said at.');
    expect(navigate).not.toHaveBeenCalled();
  });
});
