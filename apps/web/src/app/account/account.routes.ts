import type { Routes } from '@angular/router';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';

/** The signed-in person's own account. The role guard on the parent route keeps young experts out. */
export default [
  {
    path: '',
    title: 'Your account',
    providers: [provideFormFieldDefaults()],
    loadComponent: () => import('./account-page'),
  },
] satisfies Routes;
