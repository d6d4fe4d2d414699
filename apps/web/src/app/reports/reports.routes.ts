import type { Routes } from '@angular/router';

/** The Family Feedback and annual participation reports: the list, and one report's editor. */
export default [
  { path: '', title: 'Reports', loadComponent: () => import('./reports-page') },
  { path: ':id', title: 'Report', loadComponent: () => import('./report-page') },
] satisfies Routes;
