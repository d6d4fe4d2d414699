import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { Router, provideRouter } from '@angular/router';
import { axeViolations } from '../../testing/axe';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import GroupFormPage from './group-form-page';
import {
  ADULT_ID,
  GROUP_ID,
  byLabel,
  byName,
  groupResponse,
  problemBody,
  textOf,
  typeInto,
} from '../../testing/fixtures';

describe('GroupFormPage', () => {
  let fixture: ComponentFixture<GroupFormPage>;
  let el: HTMLElement;
  let http: HttpTestingController;
  let navigate: jest.SpyInstance;

  async function open(id?: string): Promise<void> {
    TestBed.configureTestingModule({
      imports: [GroupFormPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFormFieldDefaults(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    fixture = TestBed.createComponent(GroupFormPage);
    if (id) fixture.componentRef.setInput('id', id);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  async function choose(label: string, option: string): Promise<void> {
    const select = await TestbedHarnessEnvironment.loader(fixture).getHarness(
      MatSelectHarness.with({ selector: `#${byLabel(el, label).id}` }),
    );
    await select.clickOptions({ text: option });
    await fixture.whenStable();
  }

  async function fillBasics(): Promise<void> {
    typeInto(byLabel(el, 'Name'), 'Juniors');
    typeInto(byLabel<HTMLTextAreaElement>(el, 'What the group is for'), 'Games and ideas.');
    typeInto(byLabel(el, 'Youngest age'), '10');
    typeInto(byLabel(el, 'Oldest age'), '12');
    await fixture.whenStable();
  }

  it('builds the repeat rule from a friendly preset, shows it and the first meetings, with no axe violations', async () => {
    await open();
    expect(textOf(el.querySelector('h1'))).toBe('New group');
    byLabel(el, 'This group meets on a regular pattern').click();
    await fixture.whenStable();
    typeInto(byLabel(el, 'First meeting date'), '2026-09-10');
    await fixture.whenStable();
    await choose('How often', 'Once a month, on a set weekday');
    const rrule = byLabel(el, 'Repeat rule (RRULE)');
    // 10 September 2026 is the second Thursday of the month.
    expect(rrule.value).toBe('FREQ=MONTHLY;BYDAY=TH;BYSETPOS=2');
    expect(rrule.readOnly).toBe(true);
    await choose('Which week of the month', 'Last');
    expect(rrule.value).toBe('FREQ=MONTHLY;BYDAY=TH;BYSETPOS=-1');
    expect(textOf(el.querySelector('.preview p'))).toBe(
      'The last Thursday of each month. The first meetings are:',
    );
    expect(Array.from(el.querySelectorAll('.preview li')).map(textOf)).toEqual([
      'Thursday 24 September 2026',
      'Thursday 29 October 2026',
      'Thursday 26 November 2026',
      'Thursday 31 December 2026',
    ]);
    expect(await axeViolations(el)).toEqual([]);
  });

  it('lets the officer write their own rule, and says when it will not work', async () => {
    await open();
    byLabel(el, 'This group meets on a regular pattern').click();
    await fixture.whenStable();
    typeInto(byLabel(el, 'First meeting date'), '2026-09-10');
    await choose('How often', 'Something else (write the repeat rule)');
    const rrule = byLabel(el, 'Repeat rule (RRULE)');
    expect(rrule.readOnly).toBe(false);
    typeInto(rrule, 'FREQ=DAILY');
    await fixture.whenStable();
    expect(textOf(el.querySelector('.preview'))).toContain('This pattern will not work yet');
  });

  it('creates a group with its pattern, then opens it', async () => {
    await open();
    await fillBasics();
    byLabel(el, 'Looked after').click();
    byLabel(el, 'This group meets on a regular pattern').click();
    await fixture.whenStable();
    typeInto(byLabel(el, 'First meeting date'), '2026-09-09');
    await choose('How often', 'Every two weeks (fortnightly)');
    byName(el, 'Create group').click();
    const req = http.expectOne({ method: 'POST', url: '/api/groups' });
    expect(req.request.body).toEqual({
      name: 'Juniors',
      purpose: 'Games and ideas.',
      minAge: 10,
      maxAge: 12,
      serviceExperiences: ['looked_after'],
      facilitatorIds: [],
      venue: null,
      onlineLink: null,
      capacity: null,
      pattern: {
        rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE',
        startsOn: '2026-09-09',
        startTime: '17:00',
        durationMinutes: 90,
      },
    });
    req.flush(groupResponse({ name: 'Juniors' }), { status: 201, statusText: 'Created' });
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/groups', GROUP_ID], {
      state: { status: 'Juniors is set up. Next, add members and generate its sessions.' },
    });
  });

  it('shows the server’s messages next to the pattern and facilitator fields', async () => {
    await open();
    await fillBasics();
    byName(el, 'Add a facilitator').click();
    await fixture.whenStable();
    typeInto(byLabel(el, 'Facilitator 1 user id'), ADULT_ID);
    byName(el, 'Create group').click();
    http.expectOne({ method: 'POST', url: '/api/groups' }).flush(
      problemBody(400, 'Please check the facilitators.', {
        'facilitatorIds.0': ['This is not an active participation officer or practitioner.'],
      }),
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(
      textOf(byLabel(el, 'Facilitator 1 user id').closest('mat-form-field')?.querySelector('mat-error')),
    ).toBe('This is not an active participation officer or practitioner.');
    expect(textOf(el.querySelector('[role="alert"] li'))).toBe(
      'Facilitator 1: This is not an active participation officer or practitioner.',
    );
  });

  it('edits a group, keeping its facilitators and pattern', async () => {
    await open(GROUP_ID);
    http.expectOne(`/api/groups/${GROUP_ID}`).flush(groupResponse());
    await fixture.whenStable();
    expect(textOf(el.querySelector('h1'))).toBe('Edit Deputies');
    expect(byLabel(el, 'Repeat rule (RRULE)').value).toBe('FREQ=WEEKLY;BYDAY=TH');
    expect(
      textOf(byLabel(el, 'Facilitator 1 user id').closest('mat-form-field')?.querySelector('mat-hint')),
    ).toBe('Pat Worker');
    byName(el, 'Save changes').click();
    const req = http.expectOne({ method: 'PUT', url: `/api/groups/${GROUP_ID}` });
    expect(req.request.body).toMatchObject({ facilitatorIds: [ADULT_ID], pattern: groupResponse().pattern });
    req.flush(groupResponse());
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalled();
  });

  it('checks the ages before sending', async () => {
    await open();
    typeInto(byLabel(el, 'Youngest age'), '14');
    typeInto(byLabel(el, 'Oldest age'), '12');
    byName(el, 'Create group').click();
    await fixture.whenStable();
    http.expectNone('/api/groups');
    expect(textOf(byLabel(el, 'Oldest age').closest('mat-form-field')?.querySelector('mat-error'))).toBe(
      'The oldest age is below the youngest.',
    );
  });
});
