import { HttpRequest, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { PLAN_PICTURE_GONE } from '@heard/domain';
import type { PlanDocument, PlanPictureResponse } from '@heard/domain';
import { axeViolations } from '../../testing/axe';
import { requestMade } from '../../testing/eventually';
import { PERSON_ID, listItem, page, problemBody, textOf } from '../../testing/fixtures';
import { PLAN_PICTURES_URL, PlanPictureAdded, PlanPictureUpload } from './plan-picture-upload';
import { PlanDocumentView } from './view/plan-document-view';

const PICTURE_ID = '55555555-5555-4555-8555-555555555555';
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('PlanPictureUpload', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  function render() {
    const fixture = TestBed.createComponent(PlanPictureUpload);
    const added: PlanPictureAdded[] = [];
    fixture.componentInstance.added.subscribe((a: PlanPictureAdded) => added.push(a));
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    el.querySelector('details')?.setAttribute('open', '');
    return { fixture, el, added };
  }

  function choose(el: HTMLElement, file: File): void {
    const input = el.querySelector<HTMLInputElement>('input[type="file"]');
    if (!input) throw new Error('No file input');
    Object.defineProperty(input, 'files', { value: [file] });
    input.dispatchEvent(new Event('change'));
  }

  function type(el: HTMLElement, selector: string, value: string): void {
    const field = el.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
    if (!field) throw new Error(`No ${selector}`);
    field.value = value;
    field.dispatchEvent(new Event('input'));
  }

  function pick(el: HTMLElement, value: string): void {
    const radio = el.querySelector<HTMLInputElement>(`input[type="radio"][value="${value}"]`);
    radio?.click();
  }

  it('has a labelled file input, an alt text hint and the consent choice, with no axe violations', async () => {
    const { el } = render();
    const file = el.querySelector('input[type="file"]');
    expect(el.querySelector(`label[for="${file?.id}"]`)?.textContent).toContain('PNG or JPEG');
    expect(textOf(el)).toContain('Alt text: what the picture shows');
    expect(textOf(el)).toContain('a young reader understands');
    expect(textOf(el)).toContain('No one can be recognised');
    expect(textOf(el)).toContain('These young people can be recognised');
    expect(await axeViolations(el)).toEqual([]);
  });

  it('says what is missing before sending anything', async () => {
    const { fixture, el } = render();
    el.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await settle();
    fixture.detectChanges();
    expect(textOf(el)).toContain('Choose a picture to upload.');
    choose(el, new File([PNG], 'poster.png', { type: 'image/png' }));
    el.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await settle();
    fixture.detectChanges();
    expect(textOf(el)).toContain('Write the alt text');
    http.expectNone(PLAN_PICTURES_URL);
  });

  it('uploads with no one recognisable and adds the picture’s line to the child-friendly text', async () => {
    const { fixture, el, added } = render();
    choose(el, new File([PNG], 'poster.png', { type: 'image/png' }));
    type(el, 'textarea', 'Our poster');
    pick(el, 'no_one');
    fixture.detectChanges();
    el.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    // The file is read by a FileReader first, on its own schedule.
    const req = await requestMade(http, PLAN_PICTURES_URL);
    expect(req.request.body).toEqual({
      data: Buffer.from(PNG).toString('base64'),
      noOneRecognisable: true,
      youngPersonIds: [],
    });
    req.flush({ id: PICTURE_ID } as PlanPictureResponse, { status: 201, statusText: 'Created' });
    fixture.detectChanges();
    expect(added).toEqual([{ text: 'childFriendly', markup: `![Our poster](picture:${PICTURE_ID})` }]);
    expect(textOf(el)).toContain('The picture was added to the text.');
  });

  it('names the young people chosen, and shows who lacks photo consent when the API says so', async () => {
    const { fixture, el, added } = render();
    choose(el, new File([PNG], 'group.png', { type: 'image/png' }));
    type(el, 'textarea', 'Three of us at the table');
    pick(el, 'these');
    fixture.detectChanges();
    type(el, 'fieldset input[formcontrolname="search"]', 'Sam');
    Array.from(el.querySelectorAll('button'))
      .find((b) => textOf(b) === 'Find')
      ?.click();
    http
      .expectOne((r: HttpRequest<unknown>) => r.url === '/api/young-people' && r.params.get('q') === 'Sam')
      .flush(page([listItem({ id: PERSON_ID, preferredName: 'Sam' })]));
    fixture.detectChanges();
    el.querySelector<HTMLInputElement>('input[type="checkbox"]')?.click();
    fixture.detectChanges();
    expect(textOf(el)).toContain('Chosen: Sam');
    expect(await axeViolations(el)).toEqual([]);
    el.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    // The file is read by a FileReader first, on its own schedule.
    const req = await requestMade(http, PLAN_PICTURES_URL);
    expect(req.request.body).toMatchObject({ noOneRecognisable: false, youngPersonIds: [PERSON_ID] });
    req.flush(
      problemBody(
        422,
        'Photo consent is not in force for Sam: the picture cannot be stored with them in it.',
      ),
      {
        status: 422,
        statusText: 'Unprocessable',
      },
    );
    fixture.detectChanges();
    expect(textOf(el)).toContain('Photo consent is not in force for Sam');
    expect(added).toEqual([]);
  });
});

describe('PlanDocumentView with pictures', () => {
  const doc: PlanDocument = { blocks: [{ type: 'picture', pictureId: PICTURE_ID, alt: 'Our poster' }] };

  function render(pictures: 'staff' | 'public') {
    const fixture = TestBed.createComponent(PlanDocumentView);
    fixture.componentRef.setInput('document', doc);
    fixture.componentRef.setInput('pictures', pictures);
    fixture.detectChanges();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('draws a figure with the picture and its alt text, from the staff or the public address', async () => {
    const staff = render('staff').el;
    expect(staff.querySelector('figure img')?.getAttribute('src')).toBe(`/api/plans/pictures/${PICTURE_ID}`);
    expect(staff.querySelector('figure img')?.getAttribute('alt')).toBe('Our poster');
    const { el } = render('public');
    expect(el.querySelector('img')?.getAttribute('src')).toBe(`/api/published-plans/pictures/${PICTURE_ID}`);
    expect(await axeViolations(el)).toEqual([]);
  });

  it('shows the alt text and says the picture is no longer shown when it cannot be loaded', async () => {
    const { fixture, el } = render('public');
    el.querySelector('img')?.dispatchEvent(new Event('error'));
    fixture.detectChanges();
    expect(el.querySelector('img')).toBeNull();
    expect(textOf(el)).toBe(`Our poster (${PLAN_PICTURE_GONE})`);
    expect(await axeViolations(el)).toEqual([]);
  });
});
