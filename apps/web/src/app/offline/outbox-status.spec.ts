import { indexedDbTurns } from '../../testing/indexed-db';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { IDBFactory } from 'fake-indexeddb';
import { axeViolations } from '../../testing/axe';
import { byName, textOf } from '../../testing/fixtures';
import { Role } from '@heard/domain';
import { signInAs } from '../../testing/session';
import { Outbox } from './outbox';
import { OutboxStatus } from './outbox-status';
import { requestMade } from '../../testing/eventually';

const URL_1 = '/api/activities/a-1/attendance';
const URL_2 = '/api/activities/a-2/attendance';

describe('the outbox banner', () => {
  let fixture: ComponentFixture<OutboxStatus>;
  let el: HTMLElement;
  let http: HttpTestingController;
  let outbox: Outbox;

  async function settle(): Promise<void> {
    await indexedDbTurns();
    await fixture.whenStable();
  }

  beforeEach(async () => {
    globalThis.indexedDB = new IDBFactory();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    outbox = TestBed.inject(Outbox);
    await signInAs(Role.ParticipationOfficer);
    fixture = TestBed.createComponent(OutboxStatus);
    el = fixture.nativeElement as HTMLElement;
    await settle();
  });

  afterEach(() => http.verify());

  it('says nothing while the device has kept nothing, in a status region that is always there', async () => {
    expect(el.querySelector('[role="status"]')).not.toBeNull();
    expect(textOf(el)).toBe('');
    expect(await axeViolations(el)).toEqual([]);
  });

  it('counts what is not sent yet, sends it on request, and links to what needs the officer', async () => {
    await outbox.add({
      method: 'POST',
      url: URL_1,
      body: { youngPersonId: 'p-1', attended: true },
      label: 'Robin',
      about: 'p-1',
    });
    await outbox.add({
      method: 'POST',
      url: URL_2,
      body: { youngPersonId: 'p-2', attended: false },
      label: 'Sam',
      about: 'p-2',
    });
    await settle();
    expect(textOf(el.querySelector('[role="status"]'))).toBe('Not sent yet: 2 changes');
    expect(await axeViolations(el)).toEqual([]);

    byName(el, 'Send now').click();
    (await requestMade(http, URL_1)).flush(
      { held: true, heldChangeId: 'h-1', detail: 'Kept aside.' },
      { status: 202, statusText: 'Accepted' },
    );
    await settle();
    expect(textOf(el.querySelector('[role="status"]'))).toBe('Sending… 1 change needs you');
    (await requestMade(http, URL_2)).flush({});
    await settle();
    expect(textOf(el.querySelector('[role="status"]'))).toBe('All sent 1 change needs you');
    const link = byName<HTMLAnchorElement>(el, '1 change needs you', 'a');
    expect(link.getAttribute('href')).toBe('/account/held-changes');
    expect(el.querySelector('button')).toBeNull();
    expect(await axeViolations(el)).toEqual([]);
  });
});
