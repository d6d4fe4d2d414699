/**
 * Escapes text for HTML, in text and attribute values alike: every value put into an email body or
 * a server-rendered page goes through this, so a name with <script> in it is shown as those characters.
 */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}
