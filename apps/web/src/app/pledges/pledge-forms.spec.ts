import type { HttpTestingController } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { ComponentFixture } from '@angular/core/testing';
import { MatRadioGroupHarness } from '@angular/material/radio/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { Role, addDays, todayInLondon } from '@heard/domain';
import type { PledgeResponse } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import {
  GROUP_ID,
  SESSION_ID,
  byLabel,
  byName,
  problemBody,
  sessionResponse,
  textOf,
  typeInto,
} from '../../testing/fixtures';
import { PLEDGE_ID, pledgeResponse } from '../../testing/pledge-fixtures';
import { type OpenedPledgePage, openPledgePage } from '../../testing/pledge-page';
import PledgePage from './pledge-page';

const today = todayInLondon();

function pledge(overrides: Partial<PledgeResponse> = {}): PledgeResponse {
  return pledgeResponse({
    madeOn: addDays(today, -10),
    targetDate: addDays(today, 100),
    nextUpdateDue: addDays(today, 20),
    ratings: {
      leader: { rag: 'green', reason: 'Started well.' },
      youngPeople: { rag: null, counts: { kept: 0, partly: 0, not_kept: 0 } },
      flagged: false,
      divergence: null,
    },
    group: { id: GROUP_ID, name: 'Young DIB' },
    ...overrides,
  });
}

describe('the forms on a pledge’s page', () => {
  let fixture: ComponentFixture<PledgePage>;
  let el: HTMLElement;
  let http: HttpTestingController;

  let answer: OpenedPledgePage['answer'];

  async function open(role: Role, shown: PledgeResponse): Promise<void> {
    ({ fixture, el, http, answer } = await openPledgePage(role, shown));
  }

  const harnesses = () => TestbedHarnessEnvironment.loader(fixture);

  afterEach(() => http.verify());

  it('lets the leader confirm a pledge recorded for them, and asks a reason to decline one', async () => {
    await open(Role.SeniorLeader, pledge({ status: 'unconfirmed', unconfirmed: true, confirmedAt: null }));
    expect(textOf(el.querySelector('#confirm-heading'))).toBe('Is this your pledge?');
    expect(el.querySelector('#pledge-progress')).toBeNull();
    expect(await axeViolations(el)).toEqual([]);

    byName(el, 'Send my answer').click();
    await fixture.whenStable();
    expect(textOf(el)).toContain('Choose yes or no.');
    // Said aloud when it appears, and read with the choice it is about.
    expect(el.querySelector('#confirm-answer-error')?.getAttribute('role')).toBe('alert');
    expect(
      el.querySelector('mat-radio-group[formControlName="answer"]')?.getAttribute('aria-describedby'),
    ).toBe('confirm-answer-error');
    const radios = await harnesses().getHarness(MatRadioGroupHarness);
    await radios.checkRadioButton({ label: 'No, it is not mine as written' });
    byName(el, 'Send my answer').click();
    await fixture.whenStable();
    expect(textOf(el)).toContain('Say why, so the young people who heard it know.');
    http.expectNone((r) => r.method === 'POST');

    await radios.checkRadioButton({ label: 'Yes, I made this pledge' });
    byName(el, 'Send my answer').click();
    expect(await answer('POST', `/api/pledges/${PLEDGE_ID}/confirmation`, pledge())).toEqual({
      answer: 'confirm',
      reason: null,
    });
    expect(textOf(el.querySelector('heard-pledge-forms [role="status"]'))).toBe(
      'Confirmed: this pledge is yours.',
    );
    expect(el.querySelector('#pledge-confirm')).toBeNull();
    expect(el.querySelector('#pledge-progress')).not.toBeNull();
  });

  it('needs a reason when the colour changes, sends the update, and shows the API’s refusal', async () => {
    await open(Role.SeniorLeader, pledge());
    expect(textOf(el.querySelector('#pledge-progress .help'))).toContain('a change of colour needs a reason');
    typeInto(byLabel<HTMLTextAreaElement>(el, 'What has happened'), 'Two of four teams use the new letters.');
    typeInto(byLabel<HTMLTextAreaElement>(el, 'Evidence (optional)'), 'The new template.');
    await (
      await harnesses().getHarness(MatSelectHarness.with({ selector: '[formControlName="rag"]' }))
    ).clickOptions({ text: 'Amber' });
    byName(el, 'Add the update').click();
    await fixture.whenStable();
    expect(textOf(el)).toContain('Say why this pledge is amber now.');
    expect(document.activeElement).toBe(byLabel(el, 'Why it is this colour now'));
    http.expectNone((r) => r.method === 'POST');

    typeInto(
      byLabel<HTMLTextAreaElement>(el, 'Why it is this colour now'),
      'Half the teams are still to start.',
    );
    byName(el, 'Add the update').click();
    const refused = http.expectOne(
      (r) => r.method === 'POST' && r.url === `/api/pledges/${PLEDGE_ID}/updates`,
    );
    expect(refused.request.body).toEqual({
      notedOn: today,
      words: 'Two of four teams use the new letters.',
      evidence: 'The new template.',
      rag: 'amber',
      ragReason: 'Half the teams are still to start.',
    });
    refused.flush(
      problemBody(400, 'Check the update.', { ragReason: ['Say why this pledge is amber now.'] }),
      { status: 400, statusText: 'Problem' },
    );
    await fixture.whenStable();
    expect(textOf(el.querySelector('#pledge-progress heard-problem-alert'))).toContain('Check the update.');
    expect(await axeViolations(el)).toEqual([]);

    typeInto(
      byLabel<HTMLTextAreaElement>(el, 'Why it is this colour now'),
      'Half the teams are still to start.',
    );
    byName(el, 'Add the update').click();
    const amber = pledge({
      ratings: {
        leader: { rag: 'amber', reason: 'Half the teams are still to start.' },
        youngPeople: { rag: 'red', counts: { kept: 0, partly: 0, not_kept: 1 } },
        flagged: true,
        divergence: 'leader_more_hopeful',
      },
    });
    await answer('POST', `/api/pledges/${PLEDGE_ID}/updates`, amber);
    expect(textOf(el.querySelector('heard-pledge-forms [role="status"]'))).toBe(
      'Update added. The pledge is amber.',
    );
    expect(textOf(el.querySelector('[data-testid="pledge-flag"]'))).toBe(
      'Flagged: the two views differ. The young people see this pledge as red; the leader as amber.',
    );
  });

  it('lets an officer record the view of the group it was made to at one of its sessions', async () => {
    await open(Role.ParticipationOfficer, pledge());
    http
      .expectOne((r) => r.url === '/api/sessions' && r.params.get('groupId') === GROUP_ID)
      .flush([sessionResponse({ id: SESSION_ID, startsAt: `${addDays(today, -1)}T17:00:00.000Z` })]);
    await fixture.whenStable();
    expect(el.querySelector('#pledge-progress')).toBeNull();
    expect(el.querySelector('#pledge-confirm')).toBeNull();

    byName(el, 'Record the group’s view').click();
    await fixture.whenStable();
    expect(textOf(el)).toContain('Choose the session where the group said it.');
    expect(textOf(el)).toContain('Choose kept, partly or not kept.');
    expect(el.querySelector('#group-verdict-error')?.getAttribute('role')).toBe('alert');
    expect(
      el.querySelector('mat-radio-group[formControlName="verdict"]')?.getAttribute('aria-describedby'),
    ).toBe('group-verdict-error');
    expect(textOf(el)).toContain('Write down what the group said.');

    await (
      await harnesses().getHarness(MatSelectHarness.with({ selector: '[formControlName="sessionId"]' }))
    ).clickOptions({ text: /\d/ });
    await (await harnesses().getHarness(MatRadioGroupHarness)).checkRadioButton({ label: 'Partly' });
    typeInto(byLabel<HTMLTextAreaElement>(el, 'What the group said'), 'Some letters changed, not all.');
    byName(el, 'Record the group’s view').click();
    expect(await answer('POST', `/api/pledges/${PLEDGE_ID}/group-views`, pledge())).toEqual({
      sessionId: SESSION_ID,
      verdict: 'partly',
      words: 'Some letters changed, not all.',
    });
    expect(textOf(el.querySelector('heard-pledge-forms [role="status"]'))).toBe(
      'The group’s view is recorded.',
    );
    expect(await axeViolations(el)).toEqual([]);
  });
});
