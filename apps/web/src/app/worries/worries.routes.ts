import type { Routes } from '@angular/router';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';

/** Raising a worry (any staff) and one worry's page (safeguarding contacts; the API decides). */
export default [
  {
    path: '',
    providers: [provideFormFieldDefaults()],
    children: [
      { path: '', title: 'Raise a worry', loadComponent: () => import('./raise-worry-page') },
      { path: ':id', title: 'A worry', loadComponent: () => import('./worry-page') },
    ],
  },
] satisfies Routes;
