import type { HttpTestingController } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { ComponentFixture } from '@angular/core/testing';
import { MatAutocompleteHarness } from '@angular/material/autocomplete/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { Role } from '@heard/domain';
import type { ActionResponse, ItemSummary, PledgeResponse } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import { byName, problemBody, textOf } from '../../testing/fixtures';
import { PLEDGE_ID, pledgeResponse } from '../../testing/pledge-fixtures';
import { type OpenedPledgePage, openPledgePage } from '../../testing/pledge-page';
import { ITEM_ID, actionResponse, itemDetail, itemSummary } from '../action-log/item-fixtures';
import type PledgePage from './pledge-page';

const LINKS = `/api/pledges/${PLEDGE_ID}/links`;
const UNLINK = `/api/pledges/${PLEDGE_ID}/unlink`;
const ACTION_ID = '88888888-8888-4888-8888-888888888888';
const OTHER_ITEM_ID = '99999999-9999-4999-8999-999999999999';
const HIDDEN_ITEM_ID = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const leaflet = actionResponse({ id: ACTION_ID, words: 'New review leaflet' });
const linkedTo = (itemIds: string[], actionIds: string[] = []) =>
  pledgeResponse({ links: { itemIds, actionIds } });

describe('linking a pledge to You said items and actions', () => {
  let fixture: ComponentFixture<PledgePage>;
  let el: HTMLElement;
  let http: HttpTestingController;
  let answer: OpenedPledgePage['answer'];

  async function open(role: Role, pledge: PledgeResponse = linkedTo([])): Promise<void> {
    ({ fixture, el, http, answer } = await openPledgePage(role, pledge));
    // The officer's group view form asks for the group's sessions.
    if (role === Role.ParticipationOfficer) http.expectOne((r) => r.url === '/api/sessions').flush([]);
  }

  /** Answers the page's look-up of a linked item and its actions. */
  async function showItem(
    id: string,
    item: ItemSummary | null,
    actions: ActionResponse[] = [],
  ): Promise<void> {
    const detail = http.expectOne(`/api/action-log/items/${id}`);
    if (item) detail.flush(itemDetail(item));
    else detail.flush(problemBody(403, 'You may not see this item.'), { status: 403, statusText: 'Problem' });
    http.expectOne(`/api/action-log/items/${id}/actions`).flush(actions);
    await fixture.whenStable();
  }

  /** Types into the item search, answers it with `found`, and chooses the first. */
  async function findItem(typed: string, found: ItemSummary[]): Promise<void> {
    const search = await TestbedHarnessEnvironment.loader(fixture).getHarness(
      MatAutocompleteHarness.with({ selector: '#pledge-link-item' }),
    );
    await search.clear();
    await search.enterText(typed);
    await new Promise((resolve) => setTimeout(resolve, 300));
    http
      .expectOne((r) => r.url === '/api/action-log/items' && r.params.get('q') === typed)
      .flush({ items: found, nextCursor: null });
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    if (found.length > 0) await search.selectOption({ text: new RegExp(found[0].summary) });
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  it('shows what the pledge is linked to, each with a link to its You said item', async () => {
    await open(
      Role.SeniorLeader,
      linkedTo([ITEM_ID, HIDDEN_ITEM_ID], [ACTION_ID, 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb']),
    );
    await showItem(ITEM_ID, itemSummary(), [
      leaflet,
      actionResponse({ id: 'not-linked', words: 'Not this one' }),
    ]);
    await showItem(HIDDEN_ITEM_ID, null);
    const entries = Array.from(el.querySelectorAll('.links > li')).map((li) => textOf(li));
    expect(entries).toEqual([
      'You said: Tell us sooner when our social worker changes. (5 Mar 2026) Take this link away: Tell us sooner when our social worker changes. We did: New review leaflet Take this link away: New review leaflet',
      'A You said item you cannot open.',
      'An action whose You said item is not linked here, or that you cannot open.',
    ]);
    const links = Array.from(el.querySelectorAll<HTMLAnchorElement>('.links a')).map((a) =>
      a.getAttribute('href'),
    );
    expect(links).toEqual([`/action-log/items/${ITEM_ID}`, `/action-log/items/${ITEM_ID}`]);
    expect(await axeViolations(el)).toEqual([]);
  });

  it('takes a link away, says so, and shows the API’s refusal above the list', async () => {
    await open(Role.SeniorLeader, linkedTo([ITEM_ID], [ACTION_ID]));
    await showItem(ITEM_ID, itemSummary(), [leaflet]);
    const [fromItem, fromAction] = Array.from(el.querySelectorAll<HTMLButtonElement>('.links button.unlink'));
    fromAction.click();
    expect(await answer('POST', UNLINK, linkedTo([ITEM_ID]))).toEqual({ actionId: ACTION_ID });
    await showItem(ITEM_ID, itemSummary(), [leaflet]);
    expect(textOf(el.querySelector('.pledge-link-status'))).toBe('The link to the action is taken away.');
    expect(textOf(el.querySelector('.links'))).not.toContain('We did');

    fromItem.click();
    http
      .expectOne((r) => r.method === 'POST' && r.url === UNLINK)
      .flush(problemBody(404, 'This pledge is not linked to that.'), { status: 404, statusText: 'Problem' });
    await fixture.whenStable();
    expect(textOf(el.querySelector('#pledge-unlink heard-problem-alert'))).toContain(
      'This pledge is not linked to that.',
    );
    expect(await axeViolations(el)).toEqual([]);
  });

  it('offers no way to take a link away to a leader whose pledge it is not', async () => {
    await open(
      Role.SeniorLeader,
      pledgeResponse({
        links: { itemIds: [ITEM_ID], actionIds: [] },
        madeBy: { id: '12121212-1212-4121-8121-121212121212', displayName: 'Ola Brightwater' },
      }),
    );
    await showItem(ITEM_ID, itemSummary(), []);
    expect(el.querySelectorAll('.links button.unlink')).toHaveLength(0);
  });

  it('lets the leader link an item found by its words and one of its actions: the item first, then the action', async () => {
    await open(Role.SeniorLeader);
    expect(textOf(el.querySelector('#pledge-links'))).toContain(
      'Not linked to any You said item or action yet.',
    );
    await findItem('social worker', [itemSummary()]);
    http.expectOne(`/api/action-log/items/${ITEM_ID}/actions`).flush([leaflet]);
    await fixture.whenStable();
    await (
      await TestbedHarnessEnvironment.loader(fixture).getHarness(
        MatSelectHarness.with({ selector: '[formControlName="actionId"]' }),
      )
    ).clickOptions({ text: 'New review leaflet' });
    expect(await axeViolations(el)).toEqual([]);

    byName(el, 'Link it').click();
    const item = http.expectOne((r) => r.method === 'POST' && r.url === LINKS);
    expect(item.request.body).toEqual({ itemId: ITEM_ID });
    item.flush(linkedTo([ITEM_ID]));
    // The page shows the item as soon as it is linked, while the action's link is on its way.
    http.expectOne(`/api/pledges/${PLEDGE_ID}/timeline`).flush([]);
    await fixture.whenStable();
    await showItem(ITEM_ID, itemSummary(), [leaflet]);
    expect(await answer('POST', LINKS, linkedTo([ITEM_ID], [ACTION_ID]))).toEqual({ actionId: ACTION_ID });
    await showItem(ITEM_ID, itemSummary(), [leaflet]);
    expect(textOf(el.querySelector('.pledge-link-status'))).toBe('The pledge is linked to the action.');
    expect(textOf(el.querySelector('.links'))).toContain('We did: New review leaflet');
    expect((el.querySelector('#pledge-link-item') as HTMLInputElement).value).toBe('');
  });

  it('links only the item when no action is chosen, and only the action when the item is linked already', async () => {
    await open(Role.ParticipationOfficer, linkedTo([ITEM_ID]));
    await showItem(ITEM_ID, itemSummary(), [leaflet]);
    await findItem('review', [itemSummary({ id: OTHER_ITEM_ID, summary: 'Reviews start with the forms.' })]);
    http.expectOne(`/api/action-log/items/${OTHER_ITEM_ID}/actions`).flush([]);
    await fixture.whenStable();
    expect(textOf(el.querySelector('#pledge-link'))).toContain('It has no actions yet.');
    byName(el, 'Link it').click();
    expect(await answer('POST', LINKS, linkedTo([ITEM_ID, OTHER_ITEM_ID]))).toEqual({
      itemId: OTHER_ITEM_ID,
    });
    await showItem(ITEM_ID, itemSummary(), [leaflet]);
    await showItem(
      OTHER_ITEM_ID,
      itemSummary({ id: OTHER_ITEM_ID, summary: 'Reviews start with the forms.' }),
    );
    expect(textOf(el.querySelector('.pledge-link-status'))).toBe(
      'The pledge is linked to the You said item.',
    );

    await findItem('social worker', [itemSummary()]);
    http.expectOne(`/api/action-log/items/${ITEM_ID}/actions`).flush([leaflet]);
    await fixture.whenStable();
    await (
      await TestbedHarnessEnvironment.loader(fixture).getHarness(
        MatSelectHarness.with({ selector: '[formControlName="actionId"]' }),
      )
    ).clickOptions({ text: 'New review leaflet' });
    byName(el, 'Link it').click();
    const action = http.expectOne((r) => r.method === 'POST' && r.url === LINKS);
    expect(action.request.body).toEqual({ actionId: ACTION_ID });
    action.flush(problemBody(409, 'This pledge is already linked to that.'), {
      status: 409,
      statusText: 'Problem',
    });
    await fixture.whenStable();
    expect(textOf(el.querySelector('#pledge-link heard-problem-alert'))).toContain(
      'This pledge is already linked to that.',
    );
  });

  it('asks for an item chosen from the list, and shows the API’s refusal at the field', async () => {
    await open(Role.SeniorLeader);
    byName(el, 'Link it').click();
    await fixture.whenStable();
    expect(textOf(el.querySelector('#pledge-link mat-error'))).toBe(
      'Type some of its words, then choose it from the list.',
    );
    expect(document.activeElement).toBe(el.querySelector('#pledge-link-item'));

    await findItem('nothing like this', []);
    byName(el, 'Link it').click();
    await fixture.whenStable();
    expect(textOf(el.querySelector('#pledge-link mat-error'))).toBe(
      'Choose it from the list: typing its words is not enough.',
    );
    http.expectNone((r) => r.method === 'POST');

    await findItem('social worker', [itemSummary()]);
    http.expectOne(`/api/action-log/items/${ITEM_ID}/actions`).flush([]);
    await fixture.whenStable();
    byName(el, 'Link it').click();
    http
      .expectOne((r) => r.method === 'POST' && r.url === LINKS)
      .flush(problemBody(403, 'You may not see this item.', { itemId: ['Choose an item you may see.'] }), {
        status: 403,
        statusText: 'Problem',
      });
    await fixture.whenStable();
    expect(textOf(el.querySelector('#pledge-link mat-error'))).toBe('Choose an item you may see.');
    expect(await axeViolations(el)).toEqual([]);
  });
});
