import type { Routes } from '@angular/router';

/** Young experts' requests to delete something, for officers to answer (the role guard keeps others out). */
export default [
  { path: '', title: 'Requests to delete', loadComponent: () => import('./deletion-requests-page') },
] satisfies Routes;
