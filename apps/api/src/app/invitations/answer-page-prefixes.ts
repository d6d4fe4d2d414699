/**
 * Where the pages the API renders itself live, outside /api: the links in emails (/rsvp/<token>)
 * and letters (/r/<code>), each with its thanks page. The web app's fallback leaves these to the
 * pages (create-app.ts), and so does its service worker (apps/web/ngsw-config.json, checked by
 * answer-pages-service-worker.spec.ts). A file of its own, so that check needs nothing else.
 */
export const ANSWER_PAGE_PREFIXES = ['/rsvp', '/r'] as const;
