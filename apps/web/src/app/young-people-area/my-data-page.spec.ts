import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { MyData, RATING_SCALE, REVIEW_PARTICIPATION_LABELS } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import MyDataPage from './my-data-page';
import { MY_DATA } from './my-space-words';

function myData(overrides: Partial<MyData> = {}): MyData {
  return {
    madeAt: '2026-06-01T09:00:00.000Z',
    aboutThisFile: ['This is everything Heard keeps about you.'],
    record: {
      preferredName: 'Kai',
      dateOfBirth: '2010-04-02',
      serviceExperiences: [],
      contact: null,
      parentCarer: null,
      accessibilityNeeds: null,
      communicationNeeds: null,
      participationPreference: 'groups',
      decidesForThemselves: true,
      placedOutOfArea: false,
      placementAuthority: null,
      categories: [],
      quotesNamed: false,
      trustedAdults: [],
      createdAt: '2026-01-01T09:00:00.000Z',
    },
    account: null,
    joiningCodes: [],
    askedToEvaluate: [],
    evaluationQuotes: [],
    toldYouBack: [],
    emails: [],
    groups: [],
    sessionsAttended: [],
    invitations: [],
    consents: [],
    evaluations: [],
    oneToOnes: [],
    deletionRequests: [],
    erasureRequests: [],
    worries: [],
    youSaid: [],
    quotes: [],
    responseRatings: [
      {
        youSaid: 'The review letters are hard to read.',
        face: RATING_SCALE[3],
        comment: 'Better, but <b>still</b> long.',
        ratedAt: '2026-05-20T10:00:00.000Z',
      },
    ],
    pledgeVerdicts: [
      {
        pledge: 'We will answer every email within a week',
        verdict: 'No, it was not kept',
        words: 'Nobody wrote back.',
        at: '2026-05-20T10:00:00.000Z',
        replacedAt: '2026-06-01T10:00:00.000Z',
      },
    ],
    planComments: [
      {
        plan: 2026,
        section: 'What we promise to do next',
        words: 'Say <i>when</i> you will answer.',
        at: '2026-05-20T10:00:00.000Z',
        reply: 'We added a date to every promise.',
        repliedAt: '2026-05-22T10:00:00.000Z',
      },
    ],
    planPictures: [{ addedAt: '2026-03-11T10:00:00.000Z', noLongerShownSince: null }],
    reviewMeetings: [
      {
        heldOn: '2026-03-10',
        code: 'PN1',
        howYouTookPart: REVIEW_PARTICIPATION_LABELS.PN1,
        youChaired: true,
        note: 'Kai ran the <b>whole</b> meeting.',
        recordedBy: 'Participation officer',
        recordedAt: '2026-03-11T10:00:00.000Z',
      },
      {
        heldOn: '2026-09-01',
        code: 'PN7',
        howYouTookPart: REVIEW_PARTICIPATION_LABELS.PN7,
        youChaired: false,
        note: null,
        recordedBy: null,
        recordedAt: '2026-09-02T10:00:00.000Z',
      },
    ],
    heldChanges: [],
    whoLooked: [],
    ...overrides,
  };
}

describe('MyDataPage', () => {
  let http: HttpTestingController;

  async function open(data: MyData): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      imports: [MyDataPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    const fixture = TestBed.createComponent(MyDataPage);
    http = TestBed.inject(HttpTestingController);
    http.expectOne('/api/me/data').flush(data);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  afterEach(() => http.verify());

  it('offers their copy as a JSON file and as a PDF to read or print', async () => {
    const el = await open(myData());
    const links = Array.from(el.querySelectorAll<HTMLAnchorElement>('a[download]')).map((a) => [
      a.textContent?.trim(),
      a.getAttribute('href'),
    ]);
    expect(links).toEqual([
      [MY_DATA.download, '/api/me/data/download'],
      [MY_DATA.downloadPdf, '/api/me/data/download.pdf'],
    ]);
  });

  it('shows how they rated what we did: what was said, the face in words, their words and the day', async () => {
    const el = await open(myData());
    const headings = Array.from(el.querySelectorAll('h2')).map((h) => h.textContent?.trim());
    expect(headings).toContain(MY_DATA.ratings);
    const rating = el.querySelector('.ratings li');
    const text = rating?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    expect(text).toContain(`${MY_DATA.youSaid} The review letters are hard to read.`);
    expect(text).toContain(`${RATING_SCALE[3].words}.`);
    // Their words are text, never markup.
    expect(text).toContain(`${MY_DATA.yourWords} Better, but <b>still</b> long.`);
    expect(rating?.querySelector('b')).toBeNull();
    expect(text).toMatch(/2026/);
    // The face glyph is hidden from screen readers: its words are what they read.
    expect(rating?.querySelector('.glyph')?.getAttribute('aria-hidden')).toBe('true');
    expect(await axeViolations(el)).toEqual([]);
  });

  it('shows what they said about promises leaders made, and which verdict they changed later', async () => {
    const el = await open(myData());
    const headings = Array.from(el.querySelectorAll('h2')).map((h) => h.textContent?.trim());
    expect(headings).toContain(MY_DATA.pledgeVerdicts);
    const text = el.querySelector('.verdicts li')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    expect(text).toContain('“We will answer every email within a week” No, it was not kept.');
    expect(text).toContain(`${MY_DATA.yourWords} Nobody wrote back.`);
    expect(text).toContain(MY_DATA.replaced);
    expect(await axeViolations(el)).toEqual([]);
  });

  it('shows what they said about the plan, part by part, and what we changed because of it', async () => {
    const el = await open(myData());
    const headings = Array.from(el.querySelectorAll('h2')).map((h) => h.textContent?.trim());
    expect(headings).toContain(MY_DATA.planComments);
    const item = el.querySelector('.plan-comments li');
    const text = item?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    expect(text).toContain(`${MY_DATA.planPart} What we promise to do next (2026).`);
    // Their words are text, never markup.
    expect(text).toContain(`${MY_DATA.yourWords} Say <i>when</i> you will answer.`);
    expect(item?.querySelector('i')).toBeNull();
    expect(text).toContain(`${MY_DATA.whatWeChanged} We added a date to every promise.`);
    expect(await axeViolations(el)).toEqual([]);
  });

  it('shows their review meetings: the day, how they took part in words, whether they chaired it and the note', async () => {
    const el = await open(myData());
    const headings = Array.from(el.querySelectorAll('h2')).map((h) => h.textContent?.trim());
    expect(headings).toContain(MY_DATA.reviewMeetings);
    const items = Array.from(el.querySelectorAll('.review-meetings li'));
    const texts = items.map((li) => li.textContent?.replace(/\s+/g, ' ').trim() ?? '');
    expect(texts).toHaveLength(2);
    expect(texts[0]).toMatch(new RegExp(`^${MY_DATA.reviewOn} .*10 March 2026\\.`));
    expect(texts[0]).toContain(`${MY_DATA.howYouTookPart} ${REVIEW_PARTICIPATION_LABELS.PN1}.`);
    expect(texts[0]).toContain(MY_DATA.youChaired);
    // The note is text, never markup; staff are named by role only.
    expect(texts[0]).toContain(`${MY_DATA.reviewNote} Kai ran the <b>whole</b> meeting.`);
    expect(items[0].querySelector('b')).toBeNull();
    expect(texts[0]).toContain(`${MY_DATA.writtenDownBy} Participation officer.`);
    // A note erasure removed, and an account that is gone, leave nothing behind.
    expect(texts[1]).toContain(`${MY_DATA.howYouTookPart} ${REVIEW_PARTICIPATION_LABELS.PN7}.`);
    expect(texts[1]).toContain(MY_DATA.youDidNotChair);
    expect(texts[1]).not.toContain(MY_DATA.reviewNote);
    expect(texts[1]).not.toContain(MY_DATA.writtenDownBy);
    expect(await axeViolations(el)).toEqual([]);
  });

  it('lists the pictures of them in the plan, and says when one stopped being shown', async () => {
    const el = await open(
      myData({
        planPictures: [
          { addedAt: '2026-03-11T10:00:00.000Z', noLongerShownSince: null },
          { addedAt: '2026-03-12T10:00:00.000Z', noLongerShownSince: '2026-04-01T10:00:00.000Z' },
        ],
      }),
    );
    const items = Array.from(el.querySelectorAll('.plan-pictures li')).map((li) => li.textContent ?? '');
    expect(items).toHaveLength(2);
    expect(items[0]).toContain(MY_DATA.pictureAdded);
    expect(items[0]).not.toContain(MY_DATA.pictureNoLongerShown);
    expect(items[1]).toContain(MY_DATA.pictureNoLongerShown);
    expect(await axeViolations(el)).toEqual([]);
  });

  it('says there is nothing when no review meeting was written down', async () => {
    const el = await open(myData({ reviewMeetings: [], planPictures: [] }));
    expect(el.querySelector('.review-meetings li')?.textContent?.trim()).toBe(MY_DATA.nothing);
    expect(el.querySelector('.plan-pictures li')?.textContent?.trim()).toBe(MY_DATA.nothing);
  });

  it('shows the marks kept aside on a day without signal, why, and what was decided', async () => {
    const el = await open(
      myData({
        heldChanges: [
          {
            what: 'A mark on your group register',
            madeAt: '2026-05-20T10:00:00.000Z',
            why: 'Your consent was taken back after it was made.',
            decision: 'It was let go.',
            decidedAt: '2026-05-21T10:00:00.000Z',
          },
          {
            what: 'A mark on the register of an activity day',
            madeAt: '2026-06-02T10:00:00.000Z',
            why: 'The session moved after it was made.',
            decision: null,
            decidedAt: null,
          },
        ],
      }),
    );
    const headings = Array.from(el.querySelectorAll('h2')).map((h) => h.textContent?.trim());
    expect(headings).toContain(MY_DATA.heldChanges);
    const items = Array.from(el.querySelectorAll('.held-changes li')).map(
      (li) => li.textContent?.replace(/\s+/g, ' ').trim() ?? '',
    );
    expect(items[0]).toMatch(
      /^A mark on your group register \(.*2026.*\)\. Your consent was taken back after it was made\. It was let go\. \(.*2026.*\)$/,
    );
    expect(items[1]).toContain(`The session moved after it was made. ${MY_DATA.notDecidedYet}`);
    expect(await axeViolations(el)).toEqual([]);
  });

  it('lists the emails we sent, to whom and when, and says their words are not kept', async () => {
    const el = await open(
      myData({
        emails: [
          {
            to: 'You',
            kind: 'young_person_invitation',
            subject: 'You are invited: Pizza night',
            status: 'sent',
            at: '2026-05-01T09:00:00.000Z',
            sentAt: '2026-05-01T09:01:00.000Z',
          },
          {
            to: 'Your parent or carer',
            kind: 'parent_carer_invitation',
            subject: 'Kai is invited: Pizza night',
            status: 'pending',
            at: '2026-05-02T09:00:00.000Z',
            sentAt: null,
          },
        ],
      }),
    );
    expect(Array.from(el.querySelectorAll('h2')).map((h) => h.textContent?.trim())).toContain(MY_DATA.emails);
    expect(el.textContent).toContain(MY_DATA.emailsNote);
    const items = Array.from(el.querySelectorAll('.emails li')).map((li) =>
      (li.textContent ?? '').replace(/\s+/g, ' ').trim(),
    );
    expect(items[0]).toMatch(/^You are invited: Pizza night\. To: You\. \(.*2026\)$/);
    expect(items[1]).toBe(
      `Kai is invited: Pizza night. ${MY_DATA.emailTo} Your parent or carer. ${MY_DATA.notSentYet}`,
    );
    expect(await axeViolations(el)).toEqual([]);
  });

  it('says there is nothing when they have rated nothing', async () => {
    const el = await open(myData({ responseRatings: [] }));
    expect(el.querySelector('.ratings li')?.textContent?.trim()).toBe(MY_DATA.nothing);
  });
});
