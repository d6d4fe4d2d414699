import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Role } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import { byLabel, byName, problemBody, textOf, typeInto } from '../../testing/fixtures';
import { signInAs } from '../../testing/session';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import { SERVICE_ID, THEME_ID } from './item-fixtures';
import ActionLogSettingsPage from './settings-page';

describe('ActionLogSettingsPage', () => {
  let fixture: ComponentFixture<ActionLogSettingsPage>;
  let el: HTMLElement;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [ActionLogSettingsPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFormFieldDefaults(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    await signInAs(Role.Administrator);
    fixture = TestBed.createComponent(ActionLogSettingsPage);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne('/api/action-log/settings').flush({ acknowledgeWithinWorkingDays: 2 });
    http.expectOne('/api/action-log/services').flush([
      { id: SERVICE_ID, name: 'Fostering', retired: false },
      { id: 'b', name: 'Old service', retired: true },
    ]);
    http
      .expectOne('/api/action-log/themes')
      .flush([{ id: THEME_ID, name: 'Sharing learning', retired: false }]);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const section = (kind: string) => el.querySelector(`section.list-${kind}`) as HTMLElement;

  it('shows the days to acknowledge and both lists, retired entries marked, with no axe violations', async () => {
    expect(byLabel(el, 'Working days to acknowledge').value).toBe('2');
    expect(textOf(section('services'))).toContain('Old service (retired)');
    expect(textOf(section('themes'))).toContain('Sharing learning');
    expect(await axeViolations(el)).toEqual([]);
  });

  it('saves the days, and sends nothing but focuses the field when it is out of range', async () => {
    typeInto(byLabel(el, 'Working days to acknowledge'), '3');
    byName(el, 'Save').click();
    const req = http.expectOne({ method: 'PUT', url: '/api/action-log/settings' });
    expect(req.request.body).toEqual({ acknowledgeWithinWorkingDays: 3 });
    req.flush({ acknowledgeWithinWorkingDays: 3 });
    await fixture.whenStable();
    expect(el.textContent).toContain('Saved. New items must be acknowledged within 3 working days.');

    typeInto(byLabel(el, 'Working days to acknowledge'), '21');
    await fixture.whenStable();
    byName(el, 'Save').click();
    await fixture.whenStable();
    expect(document.activeElement).toBe(byLabel(el, 'Working days to acknowledge'));
  });

  it('adds, renames and retires a service', async () => {
    const services = section('services');
    typeInto(byLabel(services, 'New service'), ' MASH ');
    byName(services, 'Add service').click();
    const add = http.expectOne({ method: 'POST', url: '/api/action-log/services' });
    expect(add.request.body).toEqual({ name: 'MASH' });
    add.flush({ id: 'c', name: 'MASH', retired: false });
    http.expectOne('/api/action-log/services').flush([
      { id: SERVICE_ID, name: 'Fostering', retired: false },
      { id: 'c', name: 'MASH', retired: false },
    ]);
    await fixture.whenStable();
    expect(textOf(services)).toContain('Added MASH.');

    byName(services, 'Rename MASH').click();
    await fixture.whenStable();
    const rename = byLabel(services, 'New name for MASH');
    expect(document.activeElement).toBe(rename);
    typeInto(rename, 'Multi-agency safeguarding hub');
    byName(services, 'Save name').click();
    http
      .expectOne({ method: 'PATCH', url: '/api/action-log/services/c' })
      .flush({ id: 'c', name: 'Multi-agency safeguarding hub', retired: false });
    await fixture.whenStable();
    expect(textOf(services)).toContain('Renamed MASH to Multi-agency safeguarding hub.');

    byName(services, 'Retire Fostering').click();
    const retire = http.expectOne({ method: 'PATCH', url: `/api/action-log/services/${SERVICE_ID}` });
    expect(retire.request.body).toEqual({ retired: true });
    retire.flush(problemBody(409, 'Someone else changed it.'), { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();
    expect(textOf(services.querySelector('heard-problem-alert'))).toContain('Someone else changed it.');
  });
});
