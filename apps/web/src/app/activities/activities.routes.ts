import type { Routes } from '@angular/router';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';

/**
 * Activity days, for participation officers (the role guard on the parent route keeps others
 * out). Titles never include a young person's name.
 */
export default [
  {
    path: '',
    providers: [provideFormFieldDefaults()],
    children: [
      { path: '', title: 'Activity days', loadComponent: () => import('./activities-page') },
      { path: 'new', title: 'Plan an activity day', loadComponent: () => import('./activity-form-page') },
      { path: ':id', title: 'Activity day', loadComponent: () => import('./activity-page') },
      { path: ':id/edit', title: 'Edit activity day', loadComponent: () => import('./activity-form-page') },
      {
        path: ':id/invite',
        title: 'Invite young people',
        loadComponent: () => import('../invitations/invite-page'),
      },
      { path: ':id/day-sheet', title: 'Day sheet', loadComponent: () => import('./day-sheet-page') },
    ],
  },
] satisfies Routes;
