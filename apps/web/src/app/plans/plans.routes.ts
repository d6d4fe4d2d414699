import type { Routes } from '@angular/router';

/** The annual voice plan for staff: each year's plan with its versions, and one version's editor. */
export default [
  { path: '', title: 'Voice plan', loadComponent: () => import('./plans-page') },
  {
    path: 'figures/records',
    title: 'What a figure counts',
    loadComponent: () => import('./plan-figure-records-page'),
  },
  { path: 'versions/:id', title: 'Voice plan version', loadComponent: () => import('./plan-version-page') },
] satisfies Routes;
