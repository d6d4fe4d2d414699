import type { Routes } from '@angular/router';

/** A trusted adult's messages from the action log to pass on to the young people they support. */
export default [
  { path: '', title: 'To pass on', loadComponent: () => import('./to-pass-on-page') },
] satisfies Routes;
