import type { HttpTestingController } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { ComponentFixture } from '@angular/core/testing';
import { MatRadioGroupHarness } from '@angular/material/radio/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { Role } from '@heard/domain';
import type { PledgeResponse } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import { byLabel, byName, problemBody, textOf, typeInto } from '../../testing/fixtures';
import { PLEDGE_ID, pledgeResponse } from '../../testing/pledge-fixtures';
import { type OpenedPledgePage, openPledgePage } from '../../testing/pledge-page';
import type PledgePage from './pledge-page';

const URL = `/api/pledges/${PLEDGE_ID}`;
const THEME_ID = '55555555-5555-4555-8555-555555555555';
const OLD_THEME_ID = '44444444-4444-4444-8444-444444444444';
/** The pledge as the leader opened it: its theme has since been retired. */
const shown = pledgeResponse({ theme: { id: OLD_THEME_ID, name: 'Old theme' } });
const SEEN = shown.updatedAt;

describe('its leader changing, completing or withdrawing a pledge', () => {
  let fixture: ComponentFixture<PledgePage>;
  let el: HTMLElement;
  let http: HttpTestingController;
  let answer: OpenedPledgePage['answer'];

  async function open(role: Role, pledge: PledgeResponse = shown): Promise<void> {
    ({ fixture, el, http, answer } = await openPledgePage(role, pledge));
  }

  /** Opens "Change details" and answers its theme list. */
  async function openDetails(): Promise<void> {
    byName(el, 'Change details').click();
    await fixture.whenStable();
    http.expectOne('/api/action-log/themes').flush([
      { id: THEME_ID, name: 'Our language', retired: false },
      { id: OLD_THEME_ID, name: 'Old theme', retired: true },
      { id: 'other-old', name: 'Another old theme', retired: true },
    ]);
    await fixture.whenStable();
  }

  const refuse = (status: number, title: string, errors?: Record<string, string[]>) =>
    http
      .expectOne((r) => r.method === 'PATCH' && r.url === URL)
      .flush(problemBody(status, title, errors), { status, statusText: 'Problem' });

  afterEach(() => http.verify());

  it('is offered only to the pledge’s leader while it is being kept', async () => {
    await open(Role.ParticipationOfficer);
    http.expectOne((r) => r.url === '/api/sessions').flush([]);
    expect(el.querySelector('#pledge-change-details')).toBeNull();
    expect(el.querySelector('#pledge-ending')).toBeNull();
  });

  it('is not offered on a pledge that is completed', async () => {
    await open(Role.SeniorLeader, pledgeResponse({ status: 'completed' }));
    expect(el.querySelector('#pledge-change-details')).toBeNull();
    expect(el.querySelector('#pledge-ending')).toBeNull();
  });

  it('changes the details: filled in as they are, checked, sent with the pledge as last seen', async () => {
    await open(Role.SeniorLeader);
    await openDetails();
    expect(byLabel(el, 'Their role').value).toBe('Head of Service');
    expect(byLabel<HTMLTextAreaElement>(el, 'What was pledged').value).toBe(shown.words);
    typeInto(byLabel(el, 'Their role'), '');
    typeInto(byLabel(el, 'Target date'), '2026-10-01');
    byName(el, 'Save the details').click();
    await fixture.whenStable();
    expect(textOf(el)).toContain('Say the leader’s role, for example Head of Service.');
    expect(textOf(el)).toContain('The target date cannot be before the pledge was made.');
    expect(document.activeElement).toBe(byLabel(el, 'Their role'));
    http.expectNone((r) => r.method === 'PATCH');

    const theme = await TestbedHarnessEnvironment.loader(fixture).getHarness(
      MatSelectHarness.with({ selector: '#pledge-details-form [formControlName="themeId"]' }),
    );
    expect(await theme.getValueText()).toBe('Old theme');
    await theme.open();
    // Its own retired theme stays on offer; other retired ones do not.
    expect(await Promise.all((await theme.getOptions()).map((o) => o.getText()))).toEqual([
      'Our language',
      'Old theme',
    ]);
    await theme.close();
    expect(await axeViolations(el)).toEqual([]);

    typeInto(byLabel(el, 'Their role'), ' Director of Children’s Services ');
    typeInto(byLabel(el, 'Target date'), '2027-06-30');
    typeInto(byLabel(el, 'Days between updates'), '14');
    await theme.clickOptions({ text: 'Our language' });
    byName(el, 'Save the details').click();
    const changed = pledgeResponse({ role: 'Director of Children’s Services', targetDate: '2027-06-30' });
    expect(await answer('PATCH', URL, changed)).toEqual({
      expectedUpdatedAt: SEEN,
      role: 'Director of Children’s Services',
      forum: shown.forum,
      words: shown.words,
      themeId: THEME_ID,
      targetDate: '2027-06-30',
      updateEveryDays: 14,
    });
    expect(textOf(el.querySelector('.pledge-change-status'))).toBe('The details are saved.');
    expect(el.querySelector('#pledge-details-form')).toBeNull();
    expect(textOf(el.querySelector('.heard-page-header, heard-page-header'))).toContain(
      'Director of Children’s Services',
    );
  });

  it('shows the API’s refusal at its field', async () => {
    await open(Role.SeniorLeader);
    await openDetails();
    byName(el, 'Save the details').click();
    refuse(400, 'Check the pledge.', { themeId: ['That theme is no longer in use. Choose another.'] });
    await fixture.whenStable();
    expect(textOf(el.querySelector('#pledge-change-details heard-problem-alert'))).toContain(
      'Check the pledge.',
    );
    expect(
      textOf(
        el.querySelector('#pledge-details-form mat-form-field:has([formControlName="themeId"]) mat-error'),
      ),
    ).toBe('That theme is no longer in use. Choose another.');
    expect(await axeViolations(el)).toEqual([]);
  });

  it('when someone changed it first, shows theirs and keeps the leader’s change to send again', async () => {
    await open(Role.SeniorLeader);
    await openDetails();
    typeInto(byLabel(el, 'Where it was made'), 'Corporate parenting board');
    byName(el, 'Save the details').click();
    refuse(409, 'This pledge changed since you opened it. Look at it again before you change it.');
    const theirs = pledgeResponse({
      theme: { id: OLD_THEME_ID, name: 'Old theme' },
      words: 'Every letter will use your own words, and be read to you.',
      updatedAt: '2026-11-20T10:00:00.000Z',
    });
    http.expectOne((r) => r.method === 'GET' && r.url === URL).flush(theirs);
    http.expectOne(`${URL}/timeline`).flush([]);
    await fixture.whenStable();
    expect(textOf(el.querySelector('#pledge-change-details .conflict'))).toContain(
      'Someone changed this pledge since you opened it, so your change was not saved.',
    );
    expect(document.activeElement).toBe(el.querySelector('#pledge-change-details .conflict'));
    expect(textOf(el.querySelector('blockquote.words'))).toBe(theirs.words);
    expect(byLabel(el, 'Where it was made').value).toBe('Corporate parenting board');
    expect(await axeViolations(el)).toEqual([]);

    byName(el, 'Save the details').click();
    const again = await answer('PATCH', URL, theirs);
    expect(again).toEqual(
      expect.objectContaining({ expectedUpdatedAt: theirs.updatedAt, forum: 'Corporate parenting board' }),
    );
    expect(el.querySelector('#pledge-change-details .conflict')).toBeNull();
  });

  it('marks it completed', async () => {
    await open(Role.SeniorLeader);
    byName(el, 'Mark it completed').click();
    await fixture.whenStable();
    expect(textOf(el.querySelector('#ending-error'))).toBe('Choose completed or withdrawn.');
    http.expectNone((r) => r.method === 'PATCH');

    await (
      await TestbedHarnessEnvironment.loader(fixture).getHarness(
        MatRadioGroupHarness.with({ selector: '[formControlName="status"]' }),
      )
    ).checkRadioButton({ label: 'Completed: it has been done' });
    typeInto(
      byLabel<HTMLTextAreaElement>(el, 'What was done (optional)'),
      'Every team uses the new letters.',
    );
    byName(el, 'Mark it completed').click();
    expect(
      await answer(
        'PATCH',
        URL,
        pledgeResponse({ status: 'completed', statusReason: 'Every team uses the new letters.' }),
      ),
    ).toEqual({
      expectedUpdatedAt: SEEN,
      status: 'completed',
      statusReason: 'Every team uses the new letters.',
    });
    expect(textOf(el.querySelector('.pledge-change-status'))).toBe('This pledge is now “Completed”.');
    expect(el.querySelector('#pledge-ending')).toBeNull();
    expect(el.querySelector('#pledge-progress')).toBeNull();
  });

  it('withdraws it only with a reason, and shows the API’s refusal of the move at the choice', async () => {
    await open(Role.SeniorLeader);
    const radios = await TestbedHarnessEnvironment.loader(fixture).getHarness(
      MatRadioGroupHarness.with({ selector: '[formControlName="status"]' }),
    );
    await radios.checkRadioButton({ label: 'Withdrawn: it will not be kept' });
    byName(el, 'Withdraw the pledge').click();
    await fixture.whenStable();
    expect(textOf(el)).toContain('Say why, so the young people who heard it know.');
    expect(document.activeElement).toBe(byLabel(el, 'Why it is withdrawn'));
    http.expectNone((r) => r.method === 'PATCH');

    typeInto(byLabel<HTMLTextAreaElement>(el, 'Why it is withdrawn'), 'The service is closing in March.');
    byName(el, 'Withdraw the pledge').click();
    refuse(400, 'Check the change.', {
      status: ['A pledge cannot go from “Completed” to “Withdrawn”.'],
    });
    await fixture.whenStable();
    expect(textOf(el.querySelector('#ending-error'))).toBe(
      'A pledge cannot go from “Completed” to “Withdrawn”.',
    );
    expect(await axeViolations(el)).toEqual([]);

    await radios.checkRadioButton({ label: 'Completed: it has been done' });
    await radios.checkRadioButton({ label: 'Withdrawn: it will not be kept' });
    byName(el, 'Withdraw the pledge').click();
    const withdrawn = pledgeResponse({
      status: 'withdrawn',
      statusReason: 'The service is closing in March.',
    });
    expect(await answer('PATCH', URL, withdrawn)).toEqual({
      expectedUpdatedAt: SEEN,
      status: 'withdrawn',
      statusReason: 'The service is closing in March.',
    });
    expect(textOf(el.querySelector('.pledge-change-status'))).toBe('This pledge is now “Withdrawn”.');
    expect(textOf(el)).toContain('Withdrawn: The service is closing in March.');
  });
});
