import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Role } from '@heard/domain';
import type { PracticeToolResponse } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import { byLabel, byName, problemBody, textOf, typeInto } from '../../testing/fixtures';
import { signInAs } from '../../testing/session';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import { TOOL_ID, toolResponse } from './practice-tool-fixtures';
import PracticeToolPage from './practice-tool-page';

const URL = `/api/practice-tools/${TOOL_ID}`;

describe('PracticeToolPage', () => {
  let fixture: ComponentFixture<PracticeToolPage>;
  let el: HTMLElement;
  let http: HttpTestingController;

  async function open(role: Role, tool: PracticeToolResponse = toolResponse()): Promise<void> {
    TestBed.configureTestingModule({
      imports: [PracticeToolPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFormFieldDefaults(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    await signInAs(role);
    fixture = TestBed.createComponent(PracticeToolPage);
    fixture.componentRef.setInput('id', TOOL_ID);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne(URL).flush(tool);
    await fixture.whenStable();
  }

  /** Each version's rounds (officers only), answered empty unless a test answers them first. */
  const ROUNDS_URL = '/api/evaluation-rounds';
  const flushRounds = () => http.match((r) => r.url === ROUNDS_URL).forEach((r) => r.flush([]));

  afterEach(() => {
    flushRounds();
    http.verify();
  });

  const versioned = toolResponse({
    stage: 'shared_with_workforce',
    versionCount: 2,
    versions: [
      {
        id: 'v2',
        label: 'v2, June 2026',
        link: 'https://tools.example/v2.pdf',
        notes: 'Half the length.',
        addedAt: '2026-06-01T10:00:00Z',
        addedBy: { id: 'user-1', displayName: 'Sam Officer' },
      },
      {
        id: 'v1',
        label: 'v1, March 2026',
        link: 'https://tools.example/v1.pdf',
        notes: null,
        addedAt: '2026-03-02T10:00:00Z',
        addedBy: null,
      },
    ],
    stageHistory: [
      ...toolResponse().stageHistory,
      {
        id: 'a2',
        from: 'co_producing',
        to: 'being_evaluated',
        reason: null,
        movedAt: '2026-04-01T10:00:00Z',
        movedBy: { id: 'user-1', displayName: 'Sam Officer' },
      },
      {
        id: 'a3',
        from: 'being_evaluated',
        to: 'shared_with_workforce',
        reason: null,
        movedAt: '2026-07-01T10:00:00Z',
        movedBy: { id: 'user-1', displayName: 'Sam Officer' },
      },
    ],
  });

  it('shows the details, versions with links and the life cycle, with no axe violations', async () => {
    await open(Role.ParticipationOfficer, versioned);
    expect(textOf(el.querySelector('h1'))).toBe('Invitation-to-chair letter');
    expect(textOf(el.querySelector('dl'))).toContain('Shared with the workforce, since');
    const v2 = byName<HTMLAnchorElement>(el, 'v2, June 2026 (opens in a new tab)');
    expect(v2.getAttribute('href')).toBe('https://tools.example/v2.pdf');
    expect(v2.getAttribute('rel')).toBe('noopener noreferrer');
    expect(Array.from(el.querySelectorAll('.history li strong')).map(textOf)).toEqual([
      'Added at Co-producing',
      'Being evaluated',
      'Shared with the workforce',
    ]);
    expect(byName(el, 'Edit details').getAttribute('href')).toBe(`/practice-tools/${TOOL_ID}/edit`);
    expect(byName(el, 'Move to Embedded')).toBeTruthy();
    expect(await axeViolations(el)).toEqual([]);
  });

  it('moves forward to the next stage without a reason', async () => {
    await open(Role.ParticipationOfficer);
    byName(el, 'Move to Being evaluated').click();
    const req = http.expectOne({ url: `${URL}/stage`, method: 'POST' });
    expect(req.request.body).toEqual({ to: 'being_evaluated', reason: null });
    req.flush(toolResponse({ stage: 'being_evaluated' }));
    await fixture.whenStable();
    expect(textOf(el.querySelector('[role="status"]'))).toBe(
      'Invitation-to-chair letter is now at Being evaluated.',
    );
    expect(byName(el, 'Move to Shared with the workforce')).toBeTruthy();
  });

  it('asks for a reason before going back a stage, and sends it', async () => {
    await open(Role.ParticipationOfficer, versioned);
    byLabel(el, 'Being evaluated (needs a reason)').click();
    await fixture.whenStable();
    byName(el, 'Move to Being evaluated').click();
    await fixture.whenStable();
    http.expectNone(`${URL}/stage`);
    expect(textOf(el.querySelector('.move mat-error'))).toBe(
      'Say why the tool goes back a stage or is retired.',
    );
    expect(await axeViolations(el)).toEqual([]);
    typeInto(byLabel<HTMLTextAreaElement>(el, 'Reason'), 'A new version needs trying first.');
    byName(el, 'Move to Being evaluated').click();
    const req = http.expectOne({ url: `${URL}/stage`, method: 'POST' });
    expect(req.request.body).toEqual({ to: 'being_evaluated', reason: 'A new version needs trying first.' });
    req.flush(toolResponse({ stage: 'being_evaluated' }));
  });

  it('shows the server refusing a move, and fetches the tool again to show where it is now', async () => {
    await open(Role.ParticipationOfficer);
    byName(el, 'Move to Being evaluated').click();
    http.expectOne(`${URL}/stage`).flush(
      problemBody(409, 'The tool is already at "Being evaluated".', {
        to: ['The tool is already at "Being evaluated".'],
      }),
      {
        status: 409,
        statusText: 'Conflict',
      },
    );
    await fixture.whenStable();
    http.expectOne(URL).flush(toolResponse({ stage: 'being_evaluated' }));
    await fixture.whenStable();
    expect(textOf(el.querySelector('.move heard-problem-alert'))).toContain('already at "Being evaluated"');
    expect(byName(el, 'Move to Shared with the workforce')).toBeTruthy();
  });

  it('adds a version with an https link only', async () => {
    await open(Role.ParticipationOfficer);
    typeInto(byLabel(el, 'Version label'), 'v1, March 2026');
    typeInto(byLabel(el, 'Link to the version'), 'http://tools.example/v1.pdf');
    await fixture.whenStable();
    byName(el, 'Add a version').click();
    await fixture.whenStable();
    http.expectNone(`${URL}/versions`);
    expect(textOf(el.querySelector('.add-version mat-error'))).toBe('Use a link that starts with https://.');
    typeInto(byLabel(el, 'Link to the version'), 'https://tools.example/v1.pdf');
    typeInto(byLabel<HTMLTextAreaElement>(el, 'What changed'), 'First version.');
    byName(el, 'Add a version').click();
    const req = http.expectOne({ url: `${URL}/versions`, method: 'POST' });
    expect(req.request.body).toEqual({
      label: 'v1, March 2026',
      link: 'https://tools.example/v1.pdf',
      notes: 'First version.',
    });
    req.flush(versioned);
    await fixture.whenStable();
    expect(textOf(el.querySelector('[role="status"]'))).toBe('Version "v2, June 2026" is added.');
    expect(byLabel(el, 'Version label').value).toBe('');
  });

  it('shows a senior leader the same page without the forms', async () => {
    await open(Role.SeniorLeader, versioned);
    expect(el.querySelector('form')).toBeNull();
    expect(textOf(el)).not.toContain('Edit details');
    expect(el.querySelectorAll('.versions li')).toHaveLength(2);
    expect(await axeViolations(el)).toEqual([]);
  });

  it('says a retired tool cannot move and takes no new versions', async () => {
    await open(
      Role.ParticipationOfficer,
      toolResponse({
        stage: 'retired',
        stageHistory: [
          ...toolResponse().stageHistory,
          {
            id: 'a2',
            from: 'co_producing',
            to: 'retired',
            reason: 'Replaced by another tool.',
            movedAt: '2026-04-01T10:00:00Z',
            movedBy: null,
          },
        ],
      }),
    );
    expect(el.querySelector('form')).toBeNull();
    expect(textOf(el)).toContain('cannot move to another stage');
    expect(textOf(el)).toContain('Reason: Replaced by another tool.');
  });

  it('says when the tool cannot be found', async () => {
    TestBed.configureTestingModule({
      imports: [PracticeToolPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFormFieldDefaults(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    await signInAs(Role.ParticipationOfficer);
    fixture = TestBed.createComponent(PracticeToolPage);
    fixture.componentRef.setInput('id', TOOL_ID);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne(URL).flush(problemBody(404, 'This practice tool was not found.'), {
      status: 404,
      statusText: 'Not Found',
    });
    await fixture.whenStable();
    expect(textOf(el)).toContain('This practice tool was not found.');
    expect(byName(el, 'Go back to practice tools').getAttribute('href')).toBe('/practice-tools');
    expect(await axeViolations(el)).toEqual([]);
  });

  it('lists each version’s rounds with where, when, state and answers, and links to set up, enter and see results', async () => {
    await open(Role.ParticipationOfficer, versioned);
    const [forV2] = http.match((r) => r.url === ROUNDS_URL && r.params.get('toolVersionId') === 'v2');
    forV2.flush([
      {
        id: 'r1',
        toolVersionId: 'v2',
        toolId: TOOL_ID,
        toolName: 'Invitation-to-chair letter',
        versionLabel: 'v2, June 2026',
        title: 'Chair letter at the bowling day',
        questions: [],
        occasion: { kind: 'activity_day', id: 'a1', title: 'Bowling day', date: '2026-07-04' },
        opensOn: '2026-07-04',
        closesOn: '2026-07-18',
        closedAt: null,
        state: 'open',
        audience: 'link',
        groupId: null,
        evaluationCount: 7,
        createdAt: '2026-07-01T10:00:00Z',
      },
    ]);
    flushRounds();
    await fixture.whenStable();
    const rounds = el.querySelector('[aria-label="Evaluation rounds of v2, June 2026"]');
    expect(textOf(rounds)).toContain('Activity day: Bowling day');
    expect(textOf(rounds)).toContain('Open; 7 answered');
    expect(byName(el, 'Chair letter at the bowling day').getAttribute('href')).toBe(
      '/practice-tools/rounds/r1',
    );
    expect(byName(el, 'Enter evaluations for Chair letter at the bowling day').getAttribute('href')).toBe(
      '/practice-tools/rounds/r1/enter',
    );
    expect(byName(el, 'Results of Chair letter at the bowling day').getAttribute('href')).toBe(
      '/practice-tools/rounds/r1/results',
    );
    expect(byName(el, 'Set up a round of v1, March 2026').getAttribute('href')).toBe(
      `/practice-tools/${TOOL_ID}/versions/v1/rounds/new`,
    );
    expect(textOf(el.querySelector('[aria-label="Evaluation rounds of v1, March 2026"]'))).toBe('');
    expect(el.textContent).toContain('No evaluation rounds yet.');
    expect(await axeViolations(el)).toEqual([]);
  });

  it('asks for no rounds for a senior leader, who cannot set them up', async () => {
    await open(Role.SeniorLeader, versioned);
    expect(http.match((r) => r.url === ROUNDS_URL)).toEqual([]);
    expect(el.textContent).not.toContain('Set up a round');
  });
});
