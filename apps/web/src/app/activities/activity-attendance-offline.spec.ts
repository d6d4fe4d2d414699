import { indexedDbTurns, setOffline } from '../../testing/indexed-db';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatTabGroupHarness } from '@angular/material/tabs/testing';
import { provideRouter } from '@angular/router';
import { HEARD_RECORDED_AT_HEADER, InvitationStatus, Role, todayInLondon } from '@heard/domain';
import { IDBFactory } from 'fake-indexeddb';
import { axeViolations } from '../../testing/axe';
import {
  ACTIVITY_ID,
  OTHER_INVITATION_ID,
  OTHER_PERSON_ID,
  PERSON_ID,
  activityResponse,
  invitation,
  textOf,
} from '../../testing/activity-fixtures';
import { signInAs } from '../../testing/session';
import { Outbox } from '../offline/outbox';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import ActivityPage from './activity-page';
import { answerOccasionRounds } from '../../testing/occasion-rounds';
import { requestMade } from '../../testing/eventually';

const URL = `/api/activities/${ACTIVITY_ID}/attendance`;

describe('marking who came on an activity day without signal', () => {
  let fixture: ComponentFixture<ActivityPage>;
  let el: HTMLElement;
  let http: HttpTestingController;
  let outbox: Outbox;

  /** IndexedDB answers on its own schedule: give it a moment, then draw the page. */
  async function settle(): Promise<void> {
    await indexedDbTurns();
    await fixture.whenStable();
  }

  const radio = (name: string, choice: string): HTMLInputElement => {
    const group = el.querySelector(`mat-radio-group[aria-label="Did ${name} come?"]`);
    const button = Array.from(group?.querySelectorAll('mat-radio-button') ?? []).find(
      (b) => textOf(b) === choice,
    );
    const input = button?.querySelector('input');
    if (!input) throw new Error(`No ${choice} for ${name}`);
    return input;
  };

  beforeEach(async () => {
    globalThis.indexedDB = new IDBFactory();
    const onTheDay = activityResponse({ date: todayInLondon() });
    TestBed.configureTestingModule({
      imports: [ActivityPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFormFieldDefaults(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    outbox = TestBed.inject(Outbox);
    await signInAs(Role.ParticipationOfficer);
    fixture = TestBed.createComponent(ActivityPage);
    fixture.componentRef.setInput('id', ACTIVITY_ID);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne(`/api/activities/${ACTIVITY_ID}`).flush(onTheDay);
    await fixture.whenStable();
    answerOccasionRounds(http, 'activity_day', ACTIVITY_ID);
    http.expectOne(`/api/activities/${ACTIVITY_ID}/invitations`).flush([]);
    await fixture.whenStable();
    const tabs = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatTabGroupHarness);
    await tabs.selectTab({ label: 'Attendance' });
    await fixture.whenStable();
    http.expectOne(`/api/activities/${ACTIVITY_ID}/invitations`).flush([
      invitation({ status: InvitationStatus.Accepted }),
      invitation({
        id: OTHER_INVITATION_ID,
        youngPerson: { id: OTHER_PERSON_ID, preferredName: 'Ali' },
        status: InvitationStatus.Accepted,
      }),
    ]);
    await fixture.whenStable();
  });

  afterEach(() => {
    setOffline(false);
    http.verify();
  });

  it('keeps the mark on the device when the save finds no network, and says it is not sent yet', async () => {
    radio('Sam', 'Came').click();
    await fixture.whenStable();
    http.expectOne({ method: 'POST', url: URL }).error(new ProgressEvent('error'), { status: 0 });
    await settle();

    expect(textOf(el.querySelector('.tab [role="status"]'))).toBe(
      'Sam is marked as came. Not sent yet: it is kept on this device and sent when there is signal.',
    );
    expect(textOf(el.querySelector('.attendance li:first-child'))).toContain('Not sent yet');
    expect(textOf(el.querySelector('.attendance li:last-child'))).not.toContain('Not sent yet');
    expect(radio('Sam', 'Came').checked).toBe(true);
    expect(el.querySelector('.override')).toBeNull();
    expect(outbox.changes()).toEqual([
      expect.objectContaining({
        method: 'POST',
        url: URL,
        body: { youngPersonId: PERSON_ID, attended: true },
        label: 'Sam: came',
        state: 'waiting',
      }),
    ]);
    expect(outbox.counts().waiting).toBe(1);
    expect(await axeViolations(el)).toEqual([]);
  });

  it('does not try while the device is offline, keeps later marks behind it, and sends them in order', async () => {
    setOffline(true);
    radio('Sam', 'Came').click();
    await settle();
    http.expectNone({ method: 'POST', url: URL });

    // Back online, but Sam's mark still waits: Ali's goes behind it, so the order holds.
    setOffline(false);
    radio('Ali', 'Did not come').click();
    await settle();
    http.expectNone({ method: 'POST', url: URL });
    expect(outbox.counts().waiting).toBe(2);
    expect(textOf(el.querySelector('.attendance li:last-child'))).toContain('Not sent yet');

    const sending = outbox.send();
    for (const body of [
      { youngPersonId: PERSON_ID, attended: true },
      { youngPersonId: OTHER_PERSON_ID, attended: false },
    ]) {
      const found = await requestMade(http, { method: 'POST', url: URL });
      expect(found.request.body).toEqual(body);
      expect(found.request.headers.has(HEARD_RECORDED_AT_HEADER)).toBe(true);
      found.flush(invitation({ status: InvitationStatus.Attended }));
    }
    await sending;
    await settle();
    expect(textOf(el.querySelector('.attendance'))).not.toContain('Not sent yet');
  });
});
