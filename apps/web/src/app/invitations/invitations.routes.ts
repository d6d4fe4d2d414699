import type { Routes } from '@angular/router';

/** The officers' invitation pages that are not about one occasion. */
export default [
  { path: 'by-hand', title: 'To do by hand', loadComponent: () => import('./by-hand-page') },
] satisfies Routes;
