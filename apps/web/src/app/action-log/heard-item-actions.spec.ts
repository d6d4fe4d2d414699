import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { Role, todayInLondon } from '@heard/domain';
import type { ActionResponse } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import { signInAs } from '../../testing/session';
import { byLabel, byName, problemBody, textOf, typeInto } from '../../testing/fixtures';
import { HeardItemActions } from './heard-item-actions';
import { ACTION_ID, ITEM_ID, actionResponse as action } from './item-fixtures';

const OFFICER_ID = 'user-participation_officer';

describe('HeardItemActions', () => {
  let fixture: ComponentFixture<HeardItemActions>;
  let el: HTMLElement;
  let http: HttpTestingController;
  let changes: number;

  async function open(answer: ActionResponse[] = [action()]): Promise<void> {
    TestBed.configureTestingModule({
      imports: [HeardItemActions],
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    await signInAs(Role.ParticipationOfficer);
    fixture = TestBed.createComponent(HeardItemActions);
    fixture.componentRef.setInput('itemId', ITEM_ID);
    changes = 0;
    fixture.componentInstance.changed.subscribe(() => changes++);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne({ method: 'GET', url: `/api/action-log/items/${ITEM_ID}/actions` }).flush(answer);
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  it('lists each action with its owner, due date and progress, with no axe violations', async () => {
    await open();
    const item = el.querySelector('li.action');
    expect(textOf(item?.querySelector('h3'))).toBe('We will: planned: New review leaflet');
    expect(textOf(item?.querySelector('dl'))).toBe('OwnerOla OfficerDue31 July 2026Progress0%');
    expect(await axeViolations(el)).toEqual([]);
  });

  it('answers the item with a We did', async () => {
    await open([]);
    expect(textOf(el.querySelector('.none'))).toBe('Nothing answers this item yet.');
    typeInto(
      byLabel<HTMLTextAreaElement>(el, 'What we did, will do or can’t do'),
      'Reviews start with your agenda',
    );
    byName(el, 'Save the answer').click();
    const req = http.expectOne({ method: 'POST', url: '/api/action-log/actions' });
    expect(req.request.body).toEqual({
      itemIds: [ITEM_ID],
      status: 'done',
      words: 'Reviews start with your agenda',
      ownerId: null,
      dueOn: null,
      cantReason: null,
    });
    req.flush(
      action({ status: 'done', answer: 'we_did', words: 'Reviews start with your agenda', progress: 100 }),
    );
    await fixture.whenStable();
    expect(textOf(el.querySelector('[role="status"]'))).toBe('Answered: We did.');
    expect(el.querySelectorAll('li.action')).toHaveLength(1);
    expect(changes).toBe(1);
  });

  it('answers with a We will owned by the officer, and a We can’t with its reason', async () => {
    await open([]);
    const loader = TestbedHarnessEnvironment.loader(fixture);
    await (await loader.getHarness(MatSelectHarness)).clickOptions({ text: 'We will' });
    typeInto(byLabel<HTMLTextAreaElement>(el, 'What we did, will do or can’t do'), 'New leaflet');
    typeInto(byLabel(el, 'Done by'), '2026-07-31');
    byName(el, 'Save the answer').click();
    const req = http.expectOne({ method: 'POST', url: '/api/action-log/actions' });
    expect(req.request.body).toMatchObject({ status: 'planned', ownerId: OFFICER_ID, dueOn: '2026-07-31' });
    req.flush(problemBody(400, 'A “We will” needs a date it will be done by.'), {
      status: 400,
      statusText: 'Bad request',
    });
    await fixture.whenStable();
    expect(textOf(el.querySelector('[role="alert"]'))).toContain('needs a date');
    expect(changes).toBe(0);

    await (await loader.getHarness(MatSelectHarness)).clickOptions({ text: "We can't" });
    typeInto(
      byLabel<HTMLTextAreaElement>(el, 'Why we can’t, in words a young person understands'),
      'No money.',
    );
    byName(el, 'Save the answer').click();
    expect(http.expectOne('/api/action-log/actions').request.body).toMatchObject({
      status: 'cant',
      ownerId: null,
      cantReason: 'No money.',
    });
  });

  it('moves an action on and adds a dated note, sending the version it was read at', async () => {
    await open();
    byName(el, 'Update “New review leaflet”').click();
    await fixture.whenStable();
    // Short labels, so a floating label fits its field rather than lying over it.
    expect(byLabel(el, 'Move to').getAttribute('role')).toBe('combobox');
    expect(byLabel(el, 'Note date').getAttribute('type')).toBe('date');
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const move = await loader.getHarness(MatSelectHarness);
    await move.open();
    expect(await Promise.all((await move.getOptions()).map((o) => o.getText()))).toEqual([
      'We will: in progress',
      'We did',
      "We can't",
    ]);
    await move.clickOptions({ text: 'We did' });
    byName(el, 'Move “New review leaflet”').click();
    const req = http.expectOne({ method: 'PATCH', url: `/api/action-log/actions/${ACTION_ID}` });
    expect(req.request.body).toEqual({ expectedUpdatedAt: '2026-06-01T09:00:00.000Z', status: 'done' });
    req.flush(
      action({ status: 'done', answer: 'we_did', progress: 100, updatedAt: '2026-06-02T09:00:00.000Z' }),
    );
    await fixture.whenStable();
    expect(textOf(el.querySelector('[role="status"]'))).toBe('Moved to We did.');
    expect(textOf(el.querySelector('li.action h3'))).toBe('We did: New review leaflet');

    typeInto(byLabel<HTMLTextAreaElement>(el, 'Note'), 'Printed 200 copies.');
    byName(el, 'Add note to “New review leaflet”').click();
    const note = http.expectOne({ method: 'POST', url: `/api/action-log/actions/${ACTION_ID}/notes` });
    expect(note.request.body).toEqual({ notedOn: todayInLondon(), words: 'Printed 200 copies.' });
    note.flush(
      action({
        status: 'done',
        notes: [
          {
            id: 'note-1',
            notedOn: '2026-06-03',
            words: 'Printed 200 copies.',
            createdBy: { id: OFFICER_ID, displayName: 'Ola Officer' },
            createdAt: '2026-06-03T09:00:00.000Z',
          },
        ],
      }),
    );
    await fixture.whenStable();
    expect(textOf(el.querySelector('.notes li'))).toBe('3 June 2026: Printed 200 copies.');
    expect(changes).toBe(2);
  });
});
