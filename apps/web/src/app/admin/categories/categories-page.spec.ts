import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Role } from '@heard/domain';
import { axeViolations } from '../../../testing/axe';
import { byLabel, byName, problemBody, textOf, typeInto } from '../../../testing/fixtures';
import { signInAs } from '../../../testing/session';
import { provideFormFieldDefaults } from '../../shared/form-field-defaults';
import CategoriesPage from './categories-page';

const URL = '/api/young-people/categories';

describe('CategoriesPage', () => {
  let fixture: ComponentFixture<CategoriesPage>;
  let el: HTMLElement;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [CategoriesPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFormFieldDefaults(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    await signInAs(Role.Administrator);
    fixture = TestBed.createComponent(CategoriesPage);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne(URL).flush([
      { id: 'c1', name: 'Young carer', retired: false },
      { id: 'c2', name: 'Old category', retired: true },
    ]);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  it('shows the categories, a retired one marked, what they are for, with no axe violations', async () => {
    expect(textOf(el.querySelector('h1'))).toBe("Young people's categories");
    const section = el.querySelector('section.list-categories') as HTMLElement;
    expect(textOf(section)).toContain('Young carer');
    expect(textOf(section)).toContain('Old category (retired)');
    expect(textOf(section)).toContain('Reach shows whether each takes part');
    expect(await axeViolations(el)).toEqual([]);
  });

  it('adds, renames, retires and brings back a category, and shows a refusal', async () => {
    typeInto(byLabel(el, 'New category'), ' Lives with kinship carers ');
    byName(el, 'Add category').click();
    const add = http.expectOne({ method: 'POST', url: URL });
    expect(add.request.body).toEqual({ name: 'Lives with kinship carers' });
    add.flush({ id: 'c3', name: 'Lives with kinship carers', retired: false });
    http.expectOne(URL).flush([
      { id: 'c3', name: 'Lives with kinship carers', retired: false },
      { id: 'c1', name: 'Young carer', retired: false },
      { id: 'c2', name: 'Old category', retired: true },
    ]);
    await fixture.whenStable();
    expect(textOf(el)).toContain('Added Lives with kinship carers.');

    byName(el, 'Rename Young carer').click();
    await fixture.whenStable();
    const rename = byLabel(el, 'New name for Young carer');
    expect(document.activeElement).toBe(rename);
    typeInto(rename, 'Young carers');
    byName(el, 'Save name').click();
    http
      .expectOne({ method: 'PATCH', url: `${URL}/c1` })
      .flush({ id: 'c1', name: 'Young carers', retired: false });
    await fixture.whenStable();
    expect(textOf(el)).toContain('Renamed Young carer to Young carers.');

    byName(el, 'Bring back Old category').click();
    const back = http.expectOne({ method: 'PATCH', url: `${URL}/c2` });
    expect(back.request.body).toEqual({ retired: false });
    back.flush({ id: 'c2', name: 'Old category', retired: false });
    await fixture.whenStable();
    expect(textOf(el)).toContain('Old category is offered again.');

    byName(el, 'Retire Young carers').click();
    http
      .expectOne({ method: 'PATCH', url: `${URL}/c1` })
      .flush(problemBody(409, 'Someone else changed it.'), { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();
    expect(textOf(el.querySelector('heard-problem-alert'))).toContain('Someone else changed it.');
    expect(await axeViolations(el)).toEqual([]);
  });
});
