import type { Routes } from '@angular/router';

/** A trusted adult's invitations to print or pass on by hand. */
export default [
  { path: '', title: 'To hand over', loadComponent: () => import('./handover-page') },
] satisfies Routes;
