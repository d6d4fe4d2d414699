import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter } from '@angular/router';
import { Role } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import { byName, textOf } from '../../testing/fixtures';
import { signInAs } from '../../testing/session';
import ActionPage from './action-page';
import { ACTION_ID, actionResponse as action } from './item-fixtures';

/** A published plan's commitment: a We will that answers no You said item. */
const fromThePlan = () => action({ itemIds: [], words: 'Ask every child about their review' });

describe('ActionPage', () => {
  let http: HttpTestingController;

  async function open(role: Role) {
    TestBed.configureTestingModule({
      imports: [ActionPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    await signInAs(role);
    const fixture = TestBed.createComponent(ActionPage);
    fixture.componentRef.setInput('id', ACTION_ID);
    await fixture.whenStable();
    http.expectOne({ method: 'GET', url: `/api/action-log/actions/${ACTION_ID}` }).flush(fromThePlan());
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  afterEach(() => http.verify());

  it('shows an action that answers no item, with no answer form, and lets an officer move it on', async () => {
    const { fixture, el } = await open(Role.ParticipationOfficer);
    expect(textOf(el.querySelector('h1'))).toBe('An action');
    expect(textOf(el.querySelector('li.action h3'))).toBe(
      'We will: planned: Ask every child about their review',
    );
    // Nothing to answer here, and no "nothing answers this item" either.
    expect(el.querySelector('.answer')).toBeNull();
    expect(el.querySelector('.none')).toBeNull();
    expect(await axeViolations(el)).toEqual([]);

    byName(el, 'Update “Ask every child about their review”').click();
    await fixture.whenStable();
    await (
      await TestbedHarnessEnvironment.loader(fixture).getHarness(MatSelectHarness)
    ).clickOptions({
      text: 'We will: in progress',
    });
    byName(el, 'Move “Ask every child about their review”').click();
    const req = http.expectOne({ method: 'PATCH', url: `/api/action-log/actions/${ACTION_ID}` });
    expect(req.request.body).toMatchObject({
      expectedUpdatedAt: '2026-06-01T09:00:00.000Z',
      status: 'in_progress',
    });
    req.flush({ ...fromThePlan(), status: 'in_progress', updatedAt: '2026-06-02T09:00:00.000Z' });
    await fixture.whenStable();
    expect(textOf(el.querySelector('[role="status"]'))).toBe('Moved to We will: in progress.');
  });

  it('shows a senior leader the action to read only', async () => {
    const { el } = await open(Role.SeniorLeader);
    expect(textOf(el.querySelector('li.action h3'))).toBe(
      'We will: planned: Ask every child about their review',
    );
    expect(el.querySelectorAll('button')).toHaveLength(0);
  });
});
