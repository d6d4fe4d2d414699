import type { Routes } from '@angular/router';

/**
 * A round's public link, `/evaluate/<token>` (the path the API gives when a link round is made).
 * No account: the token is the only key. The title names neither the round nor the tool, so
 * nothing is left in a shared device's history.
 */
export default [
  { path: ':token', title: 'Tell us what you think', loadComponent: () => import('./round-link-page') },
  { path: '', title: 'Tell us what you think', loadComponent: () => import('./round-link-page') },
] satisfies Routes;
