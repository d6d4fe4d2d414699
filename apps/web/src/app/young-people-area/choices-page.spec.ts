import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { MyChoices } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import ChoicesPage from './choices-page';
import { CHOICES } from './my-space-words';

const NO: MyChoices = { quoteConsent: { given: false, since: null, mayDecide: true }, quotesNamed: false };

describe('ChoicesPage', () => {
  let el: HTMLElement;
  let http: HttpTestingController;
  let fixture: ReturnType<typeof TestBed.createComponent<ChoicesPage>>;

  async function open(choices: MyChoices): Promise<void> {
    TestBed.configureTestingModule({
      imports: [ChoicesPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    fixture = TestBed.createComponent(ChoicesPage);
    http = TestBed.inject(HttpTestingController);
    http.expectOne('/api/me/choices').flush(choices);
    await fixture.whenStable();
    el = fixture.nativeElement as HTMLElement;
  }

  const radio = (label: string) =>
    Array.from(el.querySelectorAll('label'))
      .find((l) => l.textContent?.trim() === label)
      ?.querySelector('input') as HTMLInputElement;

  it('starts at no for both, with yes and no equally easy to choose', async () => {
    await open(NO);
    expect(radio(CHOICES.quotesNo).checked).toBe(true);
    expect(radio(CHOICES.nameNo).checked).toBe(true);
    expect(radio(CHOICES.quotesYes).disabled).toBe(false);
    expect(el.textContent).toContain(CHOICES.quotesNowNo);
    expect(await axeViolations(el)).toEqual([]);
  });

  it('sends only what changed and shows what the server kept', async () => {
    await open(NO);
    radio(CHOICES.quotesYes).click();
    (
      Array.from(el.querySelectorAll('button')).find(
        (b) => b.textContent?.trim() === CHOICES.save,
      ) as HTMLButtonElement
    ).click();
    const req = http.expectOne('/api/me/choices');
    expect(req.request.method).toBe('PATCH');
    expect(req.request.body).toEqual({ quoteConsent: true });
    req.flush({ ...NO, quoteConsent: { given: true, since: '2026-12-03', mayDecide: true } });
    await fixture.whenStable();
    expect(el.textContent).toContain(CHOICES.quotesNowYes);
    expect(el.textContent).toContain(CHOICES.saved);
  });

  it('says an adult has to agree too when they may not decide, and offers no yes', async () => {
    await open({ ...NO, quoteConsent: { given: false, since: null, mayDecide: false } });
    expect(el.textContent).toContain(CHOICES.quotesAskAnAdult);
    expect(radio(CHOICES.quotesYes).disabled).toBe(true);
  });
});
