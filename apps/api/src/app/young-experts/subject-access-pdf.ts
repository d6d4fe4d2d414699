import { MyData } from '@heard/domain';
import { taggedDocument } from '../../platform/pdf/tagged-pdf';

const PURPLE = '#5b2a86';
const INK = '#1b1b1f';

/**
 * Section headings, in the young person's words (the readability test measures them); the type
 * makes a new part of the JSON file fail to compile until it has a heading here.
 */
export const SUBJECT_ACCESS_SECTIONS: Readonly<
  Record<keyof Omit<MyData, 'madeAt' | 'aboutThisFile'>, string>
> = {
  record: 'Your record',
  account: 'Your account',
  joiningCodes: 'Codes we made for you to join',
  groups: 'Your groups',
  sessionsAttended: 'Sessions you came to',
  invitations: 'Invitations and your answers',
  consents: 'Your choices about consent',
  askedToEvaluate: 'Things we asked you to try',
  evaluations: 'What you told us in evaluations',
  evaluationQuotes: 'Your answers we chose as quotes',
  oneToOnes: 'One-to-one chats',
  deletionRequests: 'Things you asked us to delete',
  erasureRequests: 'Asking us to erase your details',
  worries: 'Worries you sent',
  responseRatings: 'How you rated our answers',
  pledgeVerdicts: 'Promises our leaders made: what you said',
  planComments: 'What you said about our plan to listen to you',
  planPictures: 'Pictures of you in our plan',
  reviewMeetings: 'Your review meetings',
  youSaid: 'What you said that we wrote down',
  quotes: 'Your words we kept as quotes',
  toldYouBack: 'What we told you back',
  emails: 'Emails we sent',
  heldChanges: 'Marks we kept aside to check',
  whoLooked: 'Who looked at your record',
};

/** "preferredName" reads as "Preferred name". */
function label(key: string): string {
  const words = key.replace(/([A-Z])/g, ' $1').toLowerCase();
  return words[0].toUpperCase() + words.slice(1);
}

function plain(value: unknown): string {
  if (value === null || value === undefined || value === '') return 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * The readable copy of everything Heard holds about a young person: the same document as the JSON
 * file, tagged like the letters (ADR 0012) so a screen reader reads headings, paragraphs and lists
 * in order. No styling beyond colour: it may run to many pages.
 */
export async function renderSubjectAccess(name: string, data: MyData): Promise<Uint8Array> {
  // No name in the title: it shows in window titles and file lists.
  const { doc, done, root } = taggedDocument('Everything Heard keeps about you');
  const heading = (type: 'H1' | 'H2' | 'H3', text: string, size: number) =>
    root.add(
      doc.struct(type, {}, () => {
        doc
          .font('bold')
          .fontSize(size)
          .fillColor(type === 'H2' ? PURPLE : INK)
          .text(text);
      }),
    );
  const para = (text: string) =>
    root.add(
      doc.struct('P', {}, () => {
        doc.font('regular').fontSize(11).fillColor(INK).text(text);
      }),
    );
  const list = (lines: string[]) => {
    const l = doc.struct('L');
    root.add(l);
    for (const line of lines) {
      const li = doc.struct('LI');
      l.add(li);
      li.add(
        doc.struct('LBody', {}, () => {
          doc.font('regular').fontSize(11).fillColor(INK).text(`• ${line}`, { indent: 8 });
        }),
      );
    }
    l.end();
  };
  const fields = (item: object) => Object.entries(item).map(([k, v]) => `${label(k)}: ${plain(v)}`);

  heading('H1', 'Everything Heard keeps about you', 22);
  para(`For: ${name}`);
  para(`Made on: ${data.madeAt}`);
  for (const line of data.aboutThisFile) para(line);
  for (const [key, title] of Object.entries(SUBJECT_ACCESS_SECTIONS)) {
    doc.moveDown(0.6);
    heading('H2', title, 16);
    const value: unknown = data[key as keyof typeof SUBJECT_ACCESS_SECTIONS];
    if (Array.isArray(value)) {
      if (value.length === 0) para('Nothing here.');
      value.forEach((item: unknown, i) => {
        if (item && typeof item === 'object') {
          heading('H3', `${i + 1}.`, 12);
          list(fields(item));
        } else list([plain(item)]);
      });
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (Array.isArray(v)) {
          heading('H3', label(k), 12);
          if (v.length === 0) para('Nothing here.');
          else list(v.map((x: unknown) => (x && typeof x === 'object' ? fields(x).join('; ') : plain(x))));
        } else para(`${label(k)}: ${plain(v)}`);
      }
    } else para('Nothing here.');
  }
  root.end();
  doc.end();
  return done;
}
