import type { Routes } from '@angular/router';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';

/** One-to-one opportunities. `?youngPersonId=` opens the form for that young person. */
export default [
  {
    path: '',
    providers: [provideFormFieldDefaults()],
    children: [{ path: '', title: 'One-to-ones', loadComponent: () => import('./one-to-ones-page') }],
  },
] satisfies Routes;
