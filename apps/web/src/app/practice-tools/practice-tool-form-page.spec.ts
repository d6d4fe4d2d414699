import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { axeViolations } from '../../testing/axe';
import { byLabel, byName, problemBody, textOf, typeInto } from '../../testing/fixtures';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import { TOOL_ID, toolResponse } from './practice-tool-fixtures';
import PracticeToolFormPage from './practice-tool-form-page';

describe('PracticeToolFormPage', () => {
  let fixture: ComponentFixture<PracticeToolFormPage>;
  let el: HTMLElement;
  let http: HttpTestingController;
  let navigate: jest.SpyInstance;

  async function open(id?: string): Promise<void> {
    TestBed.configureTestingModule({
      imports: [PracticeToolFormPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFormFieldDefaults(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    fixture = TestBed.createComponent(PracticeToolFormPage);
    if (id) fixture.componentRef.setInput('id', id);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  it('says what is missing before sending anything, with no axe violations', async () => {
    await open();
    expect(textOf(el.querySelector('h1'))).toBe('New practice tool');
    byName(el, 'Add to the catalogue').click();
    await fixture.whenStable();
    http.expectNone('/api/practice-tools');
    expect(Array.from(el.querySelectorAll('mat-error')).map(textOf)).toEqual([
      'Enter a name.',
      'Say what the tool is for.',
      'Say which service owns the tool.',
    ]);
    expect(document.activeElement).toBe(byLabel(el, 'Name'));
    expect(await axeViolations(el)).toEqual([]);
  });

  it('creates a tool, then opens it with a message', async () => {
    await open();
    typeInto(byLabel(el, 'Name'), ' Invitation-to-chair letter ');
    typeInto(byLabel<HTMLTextAreaElement>(el, 'What the tool is for'), 'Invites a young person to chair.');
    typeInto(byLabel(el, 'Owning service'), 'Independent reviewing service');
    await fixture.whenStable();
    byName(el, 'Add to the catalogue').click();
    const req = http.expectOne({ url: '/api/practice-tools', method: 'POST' });
    expect(req.request.body).toEqual({
      name: 'Invitation-to-chair letter',
      purpose: 'Invites a young person to chair.',
      owningService: 'Independent reviewing service',
      coProducedWith: null,
    });
    req.flush(toolResponse());
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/practice-tools', TOOL_ID], {
      state: {
        status:
          'Invitation-to-chair letter is in the catalogue, at Co-producing. Next, add its first version.',
      },
    });
  });

  it('edits a tool, showing the server refusing a field on that field', async () => {
    await open(TOOL_ID);
    http.expectOne(`/api/practice-tools/${TOOL_ID}`).flush(toolResponse());
    await fixture.whenStable();
    expect(textOf(el.querySelector('h1'))).toBe('Edit Invitation-to-chair letter');
    expect(byLabel(el, 'Co-produced with').value).toBe('Seniors');
    expect(byName(el, 'Cancel').getAttribute('href')).toBe(`/practice-tools/${TOOL_ID}`);
    typeInto(byLabel(el, 'Owning service'), 'Leaving care service');
    byName(el, 'Save changes').click();
    const req = http.expectOne({ url: `/api/practice-tools/${TOOL_ID}`, method: 'PUT' });
    expect(req.request.body).toMatchObject({
      owningService: 'Leaving care service',
      coProducedWith: 'Seniors',
    });
    req.flush(
      problemBody(400, 'Please check the form.', { owningService: ['Say which service owns the tool.'] }),
      {
        status: 400,
        statusText: 'Bad Request',
      },
    );
    await fixture.whenStable();
    expect(textOf(el.querySelector('heard-problem-alert'))).toContain('Owning service');
    expect(navigate).not.toHaveBeenCalled();
    expect(await axeViolations(el)).toEqual([]);
  });
});
