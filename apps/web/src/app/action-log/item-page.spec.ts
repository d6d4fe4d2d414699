import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import {
  type ItemDetail,
  type ItemPublicationResponse,
  type ItemRatingsResponse,
  type LoopView,
  RATING_SCALE,
  Role,
} from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import { PERSON_ID, byLabel, byName, problemBody, textOf, typeInto } from '../../testing/fixtures';
import { signInAs } from '../../testing/session';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import { ITEM_ID, SERVICE_ID, THEME_ID, itemDetail } from './item-fixtures';
import ItemPage, { itemChanges } from './item-page';
import { itemFieldsFrom } from './item-fields';

const URL = `/api/action-log/items/${ITEM_ID}`;

describe('ItemPage', () => {
  let fixture: ComponentFixture<ItemPage>;
  let el: HTMLElement;
  let http: HttpTestingController;

  async function open(role = Role.ParticipationOfficer, item = itemDetail()): Promise<void> {
    TestBed.configureTestingModule({
      imports: [ItemPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideFormFieldDefaults(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    await signInAs(role);
    fixture = TestBed.createComponent(ItemPage);
    fixture.componentRef.setInput('id', ITEM_ID);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne(URL).flush(item);
    await fixture.whenStable();
    answerTheParts(role, item);
    await fixture.whenStable();
  }

  /**
   * The parts below the details (actions, the loop, the board, the young experts' ratings) load
   * themselves; each has its own spec. Here: the page asks only for the parts the role may see.
   */
  function answerTheParts(role: Role, item: ItemDetail): void {
    http.expectOne(`${URL}/actions`).flush([]);
    const officer = role === Role.ParticipationOfficer;
    if (officer) {
      const loop: LoopView = {
        itemId: item.id,
        stage: item.stage,
        audience: 'young_people',
        speakers: [],
        actions: [],
        draft: null,
        tellings: [],
      };
      http.expectOne(`${URL}/loop`).flush(loop);
      const publication: ItemPublicationResponse = {
        itemId: item.id,
        youngWords: null,
        readingLevel: null,
        pairs: [],
        quotes: [],
      };
      http.expectOne(`${URL}/publication`).flush(publication);
    }
    if (officer || role === Role.SeniorLeader) {
      const ratings: ItemRatingsResponse = {
        itemId: item.id,
        youSaid: item.summary,
        faces: RATING_SCALE.map((face) => ({ face, count: 0 })),
        ratings: [],
      };
      http.expectOne(`${URL}/ratings`).flush(ratings);
    }
  }

  async function settle(): Promise<void> {
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  it('shows what was said, who said it, the quotes and the timeline, with no axe violations', async () => {
    await open(
      Role.ParticipationOfficer,
      itemDetail({
        overdue: true,
        quotes: [
          {
            id: 'q1',
            words: 'I found out from my foster carer.',
            youngPersonId: PERSON_ID,
            publishable: true,
          },
          { id: 'q2', words: 'Nobody told me.', youngPersonId: null, publishable: false },
        ],
      }),
    );
    expect(textOf(el.querySelector('h1'))).toBe('You said item');
    expect(textOf(el.querySelector('blockquote.summary'))).toBe(
      'Tell us sooner when our social worker changes.',
    );
    expect(textOf(el.querySelector('.stage'))).toBe('Stage: To acknowledge.');
    expect(textOf(el.querySelector('.overdue'))).toBe(
      'Overdue: it should have been acknowledged by 9 Mar 2026, 17:00.',
    );
    expect(textOf(el.querySelector('.details'))).toContain('No, it is anonymous');
    expect(textOf(el.querySelector('.speakers'))).toBe('Sam');
    const quotes = Array.from(el.querySelectorAll('.quotes li')).map(textOf);
    expect(quotes[0]).toContain('Sam.');
    expect(quotes[0]).toContain('May be published: quote consent is in force.');
    expect(quotes[1]).toContain('No one named.');
    expect(quotes[1]).toContain('May not be published: there is no quote consent in force.');
    expect(textOf(el.querySelector('.timeline'))).toBe('5 Mar 2026, 18:40: Recorded, by Olu Officer.');
    // The place the actions, the loop, the ratings and publishing are added.
    expect(el.querySelector('section.answers')).not.toBeNull();
    expect(await axeViolations(el)).toEqual([]);
  });

  it('acknowledges the item and shows the new timeline entry', async () => {
    await open();
    byName(el, 'Acknowledge').click();
    const req = http.expectOne({ method: 'POST', url: `${URL}/acknowledge` });
    expect(req.request.body).toEqual({});
    req.flush(
      itemDetail({
        stage: 'to_answer',
        acknowledgedAt: '2026-03-06T09:15:00.000Z',
        acknowledgedBy: { id: 'u1', name: 'Olu Officer' },
        timeline: [
          ...itemDetail().timeline,
          { at: '2026-03-06T09:15:00.000Z', event: 'item_acknowledged', byName: 'Olu Officer', detail: {} },
        ],
      }),
    );
    await settle();
    expect(textOf(el.querySelector('[role="status"]'))).toContain('Acknowledged.');
    expect(el.textContent).toContain('Acknowledged by Olu Officer on 6 Mar 2026, 09:15.');
    expect(el.textContent).not.toContain('To be acknowledged by');
    expect(textOf(el.querySelector('.timeline'))).toContain(
      'Acknowledged: an officer took it on, by Olu Officer.',
    );
    expect(Array.from(el.querySelectorAll('button')).map(textOf)).not.toContain('Acknowledge');
  });

  it('offers practitioners no acknowledging, changing or quotes', async () => {
    await open(Role.Practitioner, itemDetail({ speakers: [], speakerCount: 2 }));
    expect(el.textContent).toContain('It is from 2 young people you cannot see.');
    expect(el.querySelector('button')).toBeNull();
  });

  it('sends only what changed, with the version it was read at', async () => {
    await open();
    byName(el, 'Change these details').click();
    await settle();
    http.expectOne('/api/action-log/services').flush([{ id: SERVICE_ID, name: 'Fostering', retired: false }]);
    http.expectOne('/api/action-log/themes').flush([{ id: THEME_ID, name: 'Transparency', retired: false }]);
    await settle();
    typeInto(
      byLabel<HTMLTextAreaElement>(el, 'What was said'),
      'Tell us a week before our social worker changes.',
    );
    byName(el, 'Save changes').click();
    const req = http.expectOne({ method: 'PATCH', url: URL });
    expect(req.request.body).toEqual({
      expectedUpdatedAt: '2026-03-05T18:40:00.000Z',
      summary: 'Tell us a week before our social worker changes.',
    });
    req.flush(itemDetail({ summary: 'Tell us a week before our social worker changes.' }));
    await settle();
    expect(textOf(el.querySelector('[role="status"]'))).toBe('Saved. The change is on the timeline.');
    expect(el.querySelector('.edit')).toBeNull();
  });

  it('keeps the officer’s changes and shows the other version when someone changed it first', async () => {
    await open();
    byName(el, 'Change these details').click();
    await settle();
    http.expectOne('/api/action-log/services').flush([]);
    http.expectOne('/api/action-log/themes').flush([]);
    await settle();
    typeInto(byLabel<HTMLTextAreaElement>(el, 'What was said'), 'My words.');
    byName(el, 'Save changes').click();
    http
      .expectOne({ method: 'PATCH', url: URL })
      .flush(problemBody(409, 'This item changed since you read it.'), {
        status: 409,
        statusText: 'Conflict',
      });
    await settle();
    http.expectOne(URL).flush(itemDetail({ summary: 'Their words.', updatedAt: '2026-03-06T10:00:00.000Z' }));
    await settle();
    expect(textOf(el.querySelector('.conflict'))).toContain(
      'Someone else changed this item while you were editing',
    );
    expect(document.activeElement?.closest('.conflict')).not.toBeNull();
    expect(textOf(el.querySelector('blockquote.summary'))).toBe('Their words.');
    expect(byLabel<HTMLTextAreaElement>(el, 'What was said').value).toBe('My words.');

    byName(el, 'Save changes').click();
    const again = http.expectOne({ method: 'PATCH', url: URL });
    expect(again.request.body).toEqual({
      expectedUpdatedAt: '2026-03-06T10:00:00.000Z',
      summary: 'My words.',
    });
    again.flush(itemDetail({ summary: 'My words.' }));
    await settle();
  });

  it('adds a quote from one of the young people', async () => {
    await open();
    typeInto(byLabel<HTMLTextAreaElement>(el, 'Quote, in their words'), '  I want to know before.  ');
    byName(el, 'Add quote').click();
    const req = http.expectOne({ method: 'POST', url: `${URL}/quotes` });
    expect(req.request.body).toEqual({ words: 'I want to know before.', youngPersonId: null });
    req.flush(
      itemDetail({
        quotes: [{ id: 'q', words: 'I want to know before.', youngPersonId: null, publishable: true }],
      }),
    );
    await settle();
    expect(textOf(el.querySelector('[role="status"]'))).toBe('Quote added.');
    expect(textOf(el.querySelector('.quotes'))).toContain('I want to know before.');
  });

  it('loads the item again quietly when asked to, for the parts added below the details', async () => {
    await open();
    fixture.componentInstance.reload();
    http.expectOne(URL).flush(itemDetail({ stage: 'to_tell' }));
    await settle();
    expect(textOf(el.querySelector('.stage'))).toBe('Stage: To tell the young people.');
  });
});

describe('itemChanges', () => {
  it('is only the version when nothing changed, and clears a service chosen as none', () => {
    const item = itemDetail();
    expect(itemChanges(item, itemFieldsFrom(item))).toEqual({ expectedUpdatedAt: item.updatedAt });
    expect(itemChanges(item, { ...itemFieldsFrom(item), serviceId: '', attributable: true })).toEqual({
      expectedUpdatedAt: item.updatedAt,
      serviceId: null,
      attributable: true,
    });
  });
});
