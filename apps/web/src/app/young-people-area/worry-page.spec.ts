import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { MY_SPACE_MESSAGES, WORRY_BEFORE_YOU_SEND } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import { WORRY } from './my-space-words';
import WorryPage from './worry-page';

describe('WorryPage', () => {
  let el: HTMLElement;
  let http: HttpTestingController;
  let fixture: ReturnType<typeof TestBed.createComponent<WorryPage>>;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [WorryPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    fixture = TestBed.createComponent(WorryPage);
    http = TestBed.inject(HttpTestingController);
    await fixture.whenStable();
    el = fixture.nativeElement as HTMLElement;
  });

  const button = () =>
    Array.from(el.querySelectorAll('button')).find(
      (b) => b.textContent?.trim() === WORRY.send,
    ) as HTMLButtonElement;

  it('says who will see it and what happens next before they send, in the one copy of those words', async () => {
    expect(Array.from(el.querySelectorAll('li')).map((li) => li.textContent?.trim())).toEqual([
      ...WORRY_BEFORE_YOU_SEND,
    ]);
    expect(await axeViolations(el)).toEqual([]);
  });

  it('asks for words first, then sends them and says what the server said', async () => {
    button().click();
    await fixture.whenStable();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain(WORRY.writeFirst);
    http.expectNone('/api/me/worries');

    const box = el.querySelector('textarea') as HTMLTextAreaElement;
    box.value = 'Someone scares me.';
    box.dispatchEvent(new Event('input'));
    button().click();
    const req = http.expectOne('/api/me/worries');
    expect(req.request.body).toEqual({ words: 'Someone scares me.' });
    req.flush({ id: 'w1', at: '2026-12-03T10:00:00Z', message: MY_SPACE_MESSAGES.worrySent });
    await fixture.whenStable();
    expect(el.querySelector('[role="status"]')?.textContent).toContain(MY_SPACE_MESSAGES.worrySent);
  });
});
