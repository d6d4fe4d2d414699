import { TestBed } from '@angular/core/testing';
import type { ProblemDetails } from '@heard/domain';
import { ProblemAlert, fieldMessages } from './problem-alert';

const base: ProblemDetails = {
  type: 'about:blank',
  title: 'Bad Request',
  status: 400,
  detail: 'Some answers need changing.',
};

async function render(problem: ProblemDetails, labels?: Record<string, string>): Promise<HTMLElement> {
  const fixture = TestBed.createComponent(ProblemAlert);
  fixture.componentRef.setInput('problem', problem);
  if (labels) fixture.componentRef.setInput('fieldLabels', labels);
  await fixture.whenStable();
  return fixture.nativeElement as HTMLElement;
}

describe('ProblemAlert', () => {
  it('announces the detail in an alert region', async () => {
    const el = await render({ ...base, status: 401, detail: 'The email or password is not right.' });
    const alert = el.querySelector('[role="alert"]');
    expect(alert).not.toBeNull();
    expect(alert?.querySelector('.detail')?.textContent?.trim()).toBe('The email or password is not right.');
    expect(el.querySelector('ul')).toBeNull();
  });

  it('lists every field message, naming fields it has a label for', async () => {
    const el = await render(
      {
        ...base,
        errors: {
          password: ['Use at least 12 characters.', 'Do not repeat one character.'],
          token: ['This link is not valid.'],
        },
      },
      { password: 'Password' },
    );
    const items = Array.from(el.querySelectorAll('li')).map((li) =>
      li.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(items).toEqual([
      'Password: Use at least 12 characters.',
      'Password: Do not repeat one character.',
      'This link is not valid.',
    ]);
  });

  it('falls back to the title when there is no detail', async () => {
    const el = await render({ ...base, detail: '' });
    expect(el.querySelector('.detail')?.textContent?.trim()).toBe('Bad Request');
  });
});

describe('fieldMessages', () => {
  it('is empty when the problem has no field errors', () => {
    expect(fieldMessages(base, {})).toEqual([]);
  });
});
