import type { Routes } from '@angular/router';

/** Pledges: the list (a leader's own, or every one for an officer), recording one, and one pledge with its history. */
export default [
  { path: '', title: 'Pledges', loadComponent: () => import('./pledges-page') },
  { path: 'new', title: 'Record a pledge', loadComponent: () => import('./pledge-form-page') },
  { path: ':id', title: 'Pledge', loadComponent: () => import('./pledge-page') },
] satisfies Routes;
