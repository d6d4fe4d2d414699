import type { Routes } from '@angular/router';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';

/** Administrator pages. The role guard on the parent route keeps other roles out. */
export default [
  {
    path: '',
    providers: [provideFormFieldDefaults()],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'users' },
      { path: 'users', title: 'Users', loadComponent: () => import('./users/users-page') },
      { path: 'audit', title: 'Audit log', loadComponent: () => import('./audit/audit-page') },
      {
        path: 'categories',
        title: "Young people's categories",
        loadComponent: () => import('./categories/categories-page'),
      },
      { path: 'retention', title: 'Retention', loadComponent: () => import('./retention/retention-page') },
    ],
  },
] satisfies Routes;
