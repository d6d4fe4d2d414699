import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { CONTACTS_TOLD_MESSAGE, NO_CONTACTS_RAISED_MESSAGE, Role } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import { byName, problemBody, textOf, typeInto } from '../../testing/fixtures';
import { signInAs } from '../../testing/session';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import RaiseWorryPage from './raise-worry-page';

describe('RaiseWorryPage', () => {
  let fixture: ComponentFixture<RaiseWorryPage>;
  let el: HTMLElement;
  let http: HttpTestingController;

  async function open(youngPerson?: string): Promise<void> {
    TestBed.configureTestingModule({
      imports: [RaiseWorryPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFormFieldDefaults(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    await signInAs(Role.ParticipationOfficer);
    fixture = TestBed.createComponent(RaiseWorryPage);
    if (youngPerson) fixture.componentRef.setInput('youngPerson', youngPerson);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  }

  const textarea = () => el.querySelector('textarea') as HTMLTextAreaElement;
  const hints = () => textOf(el.querySelector('.words-to-check'));

  afterEach(() => http.verify());

  it('shows words that may need a check as the officer types, as a hint only', async () => {
    await open();
    expect(hints()).toBe('');
    typeInto(textarea(), 'She said he hit me and');
    await fixture.whenStable();
    expect(hints()).toBe('These words may need a check: hit me. This is only a prompt: you decide.');
    typeInto(textarea(), 'She said he hit me and I am scared');
    await fixture.whenStable();
    expect(hints()).toContain('hit me, scared');
    typeInto(textarea(), 'A white shitake mushroom.');
    await fixture.whenStable();
    expect(hints()).toBe('');
    expect(el.querySelector('.words-to-check')?.getAttribute('aria-live')).toBe('polite');
    expect(await axeViolations(el)).toEqual([]);
  });

  it('sends the words, naming the young person it came from, and says who was told', async () => {
    await open('11111111-1111-4111-8111-111111111111');
    typeInto(textarea(), 'Robin is scared to go home.');
    byName(el, 'Send to the safeguarding contacts').click();
    const req = http.expectOne({ method: 'POST', url: '/api/worries' });
    expect(req.request.body).toEqual({
      words: 'Robin is scared to go home.',
      youngPersonId: '11111111-1111-4111-8111-111111111111',
    });
    req.flush({
      id: 'w',
      raisedAt: '2026-03-02T10:15:00Z',
      contactsTold: 2,
      message: CONTACTS_TOLD_MESSAGE(2),
    });
    await fixture.whenStable();
    expect(el.querySelector('[role="status"]')?.textContent).toContain(CONTACTS_TOLD_MESSAGE(2));
  });

  it('says plainly, as an alert, when no one was told', async () => {
    await open();
    typeInto(textarea(), 'Kai is afraid.');
    byName(el, 'Send to the safeguarding contacts').click();
    http.expectOne({ method: 'POST', url: '/api/worries' }).flush({
      id: 'w',
      raisedAt: '2026-03-02T10:15:00Z',
      contactsTold: 0,
      message: NO_CONTACTS_RAISED_MESSAGE,
    });
    await fixture.whenStable();
    const alert = el.querySelector('[role="alert"]');
    expect(textOf(alert)).toContain('Saved, but no one was told');
    expect(textOf(alert)).toContain(NO_CONTACTS_RAISED_MESSAGE);
  });

  it('sends nothing when the words are empty, and shows a refusal from the API', async () => {
    await open();
    byName(el, 'Send to the safeguarding contacts').click();
    http.expectNone('/api/worries');
    typeInto(textarea(), 'Someone is hurting Sam.');
    byName(el, 'Send to the safeguarding contacts').click();
    http
      .expectOne('/api/worries')
      .flush(problemBody(400, 'This young person was not found among those you work with.'), {
        status: 400,
        statusText: 'Bad Request',
      });
    await fixture.whenStable();
    expect(textOf(el)).toContain('This young person was not found among those you work with.');
  });
});
