import type { Routes } from '@angular/router';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';

/**
 * Groups and sessions, for participation officers (the role guard on the parent route keeps
 * others out). Fixed paths come before `:id`, so "calendar" is never read as a group id.
 */
export default [
  {
    path: '',
    providers: [provideFormFieldDefaults()],
    children: [
      { path: '', title: 'Groups', loadComponent: () => import('./groups-page') },
      { path: 'new', title: 'New group', loadComponent: () => import('./group-form-page') },
      { path: 'calendar', title: 'Calendar', loadComponent: () => import('./calendar-page') },
      { path: 'ageing-out', title: 'Ageing out', loadComponent: () => import('./ageing-out-page') },
      { path: 'sessions/:id', title: 'Session register', loadComponent: () => import('./session-page') },
      { path: ':id', title: 'Group', loadComponent: () => import('./group-page') },
      { path: ':id/edit', title: 'Edit group', loadComponent: () => import('./group-form-page') },
    ],
  },
] satisfies Routes;
