import type { RsvpView } from '@heard/domain';
import { createHash } from 'node:crypto';
import { escapeHtml } from '../../platform/text/html';

/**
 * The young person's answer page as plain HTML (docs/decisions/0024): no script at all, one small
 * stylesheet inline, answered by an ordinary form. Written for a 10-year-old and a phone first.
 * Children's Code: Yes and No look the same and are equally easy, nothing is chosen for them, and
 * a reason for No is never required. Every value from the database goes through `text` or `attr`.
 */

// Phone first: one column, big text and tap targets (answers 64px), strong borders, contrast ≥ 7:1
// for text. The colours are the web app's (primary #226391, tertiary #8c4a1b, error #ba1a1a).
export const ANSWER_PAGE_CSS = `
*{box-sizing:border-box}
html{background:#fdfcff;color:#1a1c1e;font:1.25rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
body{margin:0}
main{max-width:36rem;margin:0 auto;padding:16px 16px 32px}
h1{margin:8px 0;font-size:2rem;line-height:1.2}
h2{margin:0 0 8px;font-size:1.375rem;line-height:1.3}
p{margin:0 0 12px}
a{color:#0d5784;text-underline-offset:.15em}
:focus-visible{outline:3px solid #226391;outline-offset:2px}
.title{display:block;margin-top:4px;font-size:1.5rem;line-height:1.3}
section,fieldset{margin:24px 0}
dl{display:grid;gap:16px;margin:0}
dt{font-weight:700}
dd{margin:0;white-space:pre-line}
.now{padding:16px;border-radius:16px;background:#cde5ff;color:#001d32}
.now p:last-child{margin-bottom:0}
.strong{font-weight:700}
fieldset{border:0;padding:0;min-width:0}
legend{padding:0}
.answers{display:grid;grid-template-columns:1fr;gap:12px}
@media (min-width:480px){.answers{grid-template-columns:1fr 1fr}}
button{min-height:64px;width:100%;padding:8px 16px;border:2px solid #1a1c1e;border-radius:12px;background:#fff;color:#1a1c1e;font:inherit;font-weight:700;cursor:pointer}
.box{margin:16px 0;padding:16px;border-radius:12px;border-left:6px solid #8c4a1b;background:#eceef4;color:#1a1c1e}
.box p{margin:0}
.problem{border-left-color:#ba1a1a;background:#ffdad6;color:#410002}
.thanks{border-left-color:#226391;background:#cde5ff;color:#001d32;font-weight:700}
label{display:block;margin-bottom:8px;font-weight:700}
textarea{display:block;width:100%;padding:12px;border:2px solid #44474e;border-radius:8px;font:inherit}
.hint{margin:8px 0 12px;font-size:1.0625rem}
.private{margin-top:32px;font-size:1.125rem}
`.trim();

/** For the page's Content-Security-Policy: this exact stylesheet and no other inline style or script. */
export const ANSWER_PAGE_CSS_HASH = `'sha256-${createHash('sha256').update(ANSWER_PAGE_CSS).digest('base64')}'`;

export const ANSWER_PAGE_CSP = [
  "default-src 'none'",
  `style-src ${ANSWER_PAGE_CSS_HASH}`,
  "img-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

function sentence(words: string): string {
  const trimmed = words.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function sentenceStart(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Where this invite's page lives: `/rsvp/<token>` or, typed from a letter, `/r/<code>`. */
export interface PageAddress {
  /** 'rsvp' or 'r', as the link was opened, so the page stays at the address they were given. */
  base: string;
  token: string;
}

export const inviteHref = (at: PageAddress): string => `/${at.base}/${encodeURIComponent(at.token)}`;
export const thanksHref = (at: PageAddress, told?: 'why'): string =>
  `${inviteHref(at)}/thanks${told ? `?told=${told}` : ''}`;

/** The whole document. The title never names them or the event, so nothing personal is left in history. */
function page(body: string): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Your invite</title>
<style>${ANSWER_PAGE_CSS}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

const PRIVATE = '<p class="private">Only the participation team and your trusted adult see your answer.</p>';

function details(view: RsvpView): string {
  const rows: [string, string][] = [];
  rows.push([
    'When',
    `${escapeHtml(view.dateWords)}${view.timeWords ? `<br>${escapeHtml(sentenceStart(view.timeWords))}` : ''}`,
  ]);
  if (view.venue) rows.push(['Where', escapeHtml(view.venue)]);
  if (view.accessibility) rows.push(['Getting in and around', escapeHtml(view.accessibility)]);
  if (view.askedAbout) rows.push(['What we will ask you about', escapeHtml(view.askedAbout)]);
  if (view.transport) rows.push(['Getting there', escapeHtml(view.transport)]);
  if (view.photosWords) rows.push(['Photos', escapeHtml(view.photosWords)]);
  if (view.contact.name || view.contact.phone) {
    const who = escapeHtml(view.contact.name ?? 'the participation team');
    const phone = view.contact.phone;
    const dial = phone ? phone.replace(/[^0-9+]/g, '') : '';
    rows.push([
      'Questions?',
      `Ask ${who}${phone ? ` on <a href="tel:${escapeHtml(dial)}">${escapeHtml(phone)}</a>` : ''}`,
    ]);
  }
  return `<section aria-labelledby="details-heading">
<h2 id="details-heading">What, when and where</h2>
<dl>
${rows.map(([term, value]) => `<div><dt>${term}</dt><dd>${value}</dd></div>`).join('\n')}
</dl>
</section>`;
}

function problemBox(words: string): string {
  return `<div class="box problem" role="alert"><p>${escapeHtml(words)}</p></div>`;
}

/** The invite itself: what, when and where, how they answered so far, and Yes and No. */
export function invitePage(view: RsvpView, at: PageAddress, problem?: string): string {
  const parts: string[] = [];
  parts.push(`<h1>${view.firstName ? `Hi ${escapeHtml(view.firstName)}` : 'Hi'}</h1>`);
  parts.push(`<p>You are invited to: <strong class="title">${escapeHtml(view.title)}</strong></p>`);
  if (problem) parts.push(problemBox(problem));
  if (view.cancelled)
    parts.push(
      '<div class="box problem"><p>Sorry, this has been cancelled. You do not need to do anything.</p></div>',
    );
  else if (view.closed)
    parts.push(
      `<div class="box"><p>${
        view.kind === 'one_to_one'
          ? 'This chat has happened. Thank you for coming.'
          : 'This has happened and it is finished now. Thank you.'
      }</p></div>`,
    );
  parts.push(details(view));
  parts.push(`<section class="now" aria-labelledby="now-heading">
<h2 id="now-heading">Your answer</h2>
<p class="strong">${
    view.answer === null && view.canStillChange
      ? 'You have not answered yet.'
      : escapeHtml(sentence(view.statusWords))
  }</p>${
    view.waitingListPosition !== null
      ? `\n<p>You are number ${view.waitingListPosition} on the waiting list. We will tell you if a place comes up.</p>`
      : ''
  }
</section>`);
  if (!view.cancelled && !view.closed) {
    if (view.canStillChange)
      // Two submit buttons: one tap answers, and neither is chosen for them beforehand.
      parts.push(`<form method="post" action="${escapeHtml(inviteHref(at))}">
<fieldset>
<legend><h2>${view.answer ? 'Do you want to change your answer?' : 'Can you come?'}</h2></legend>
<p>Pick one. You can change your answer until the day.</p>
<div class="answers">
<button type="submit" name="answer" value="yes">Yes, I’ll come</button>
<button type="submit" name="answer" value="no">No, I can’t come</button>
</div>
</fieldset>
</form>`);
    else
      parts.push(
        '<div class="box"><p>You cannot change your answer now. If you need to, talk to the person who invited you.</p></div>',
      );
  }
  parts.push(PRIVATE);
  return page(parts.join('\n'));
}

/** After an answer is saved: what it was, and what happens next. After a No, an optional "why". */
export function thanksPage(
  view: RsvpView,
  at: PageAddress,
  options: { told?: 'why'; problem?: string; reason?: string } = {},
): string {
  const parts: string[] = [];
  if (options.told === 'why') {
    parts.push('<h1>Thank you for telling us why.</h1>');
    parts.push('<p>It helps us plan better. You do not need to do anything else.</p>');
  } else if (view.answer === 'yes') {
    parts.push('<h1>Thank you! We have your answer.</h1>');
    parts.push(`<section aria-labelledby="next-heading">
<h2 id="next-heading">What happens next</h2>
<p class="strong">${escapeHtml(sentence(view.statusWords))}</p>
<dl>
<div><dt>When</dt><dd>${escapeHtml(view.dateWords)}${view.timeWords ? `<br>${escapeHtml(sentenceStart(view.timeWords))}` : ''}</dd></div>${
      view.venue ? `\n<div><dt>Where</dt><dd>${escapeHtml(view.venue)}</dd></div>` : ''
    }
</dl>
<p>If anything changes, we will tell you.</p>
<p>If you cannot come after all, change your answer on your invite.</p>
</section>`);
  } else if (view.answer === 'waiting_list') {
    parts.push('<h1>Thank you! It is full right now, so you are on the waiting list.</h1>');
    parts.push(`<section aria-labelledby="next-heading">
<h2 id="next-heading">What happens next</h2>
${
  view.waitingListPosition !== null
    ? `<p class="strong">You are number ${view.waitingListPosition} on the waiting list.</p>\n`
    : ''
}<p>If a place comes up, we will tell you. You do not need to do anything now.</p>
<p>If you do not want a place any more, change your answer on your invite.</p>
</section>`);
  } else {
    parts.push('<h1>Thank you for telling us. We have your answer.</h1>');
    parts.push(`<section aria-labelledby="next-heading">
<h2 id="next-heading">What happens next</h2>
<p>You do not need to do anything else.</p>
<p>If you change your mind, you can change your answer on your invite until the day.</p>
</section>`);
    if (view.canStillChange) {
      const described = options.problem ? 'why-hint why-problem' : 'why-hint';
      parts.push(`<form method="post" action="${escapeHtml(inviteHref(at))}">
<input type="hidden" name="answer" value="no">
<label for="why">Do you want to tell us why? (you don’t have to)</label>
${options.problem ? `<p id="why-problem" class="box problem" role="alert">${escapeHtml(options.problem)}</p>\n` : ''}<textarea id="why" name="reason" rows="3" maxlength="300" aria-describedby="${described}"${
        options.problem ? ' aria-invalid="true"' : ''
      }>${escapeHtml(options.reason ?? '')}</textarea>
<p id="why-hint" class="hint">Only the participation team and your trusted adult see this.</p>
<button type="submit">Send</button>
</form>`);
    }
  }
  parts.push(
    `<p><a href="${escapeHtml(inviteHref(at))}">See your invite${
      view.canStillChange ? ' or change your answer' : ''
    }</a></p>`,
  );
  parts.push(PRIVATE);
  return page(parts.join('\n'));
}

/** A link that cannot be opened, or an answer that could not be read: what to do, without blame. */
export function problemPage(words: string, back?: PageAddress): string {
  return page(
    [
      '<h1>Your invite</h1>',
      problemBox(words),
      back ? `<p><a href="${escapeHtml(inviteHref(back))}">Go back to your invite</a></p>` : '',
    ]
      .filter(Boolean)
      .join('\n'),
  );
}
