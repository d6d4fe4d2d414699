import type { Routes } from '@angular/router';

/** Pledges: the list (a leader's own, or every one for an officer) and one pledge with its history. */
export default [
  { path: '', title: 'Pledges', loadComponent: () => import('./pledges-page') },
  { path: ':id', title: 'Pledge', loadComponent: () => import('./pledge-page') },
] satisfies Routes;
