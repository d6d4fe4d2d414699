import type { Routes } from '@angular/router';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';

/** The log's settings, for administrators (the role guard on the parent route keeps others out). */
export default [
  {
    path: '',
    providers: [provideFormFieldDefaults()],
    children: [{ path: '', title: 'You said settings', loadComponent: () => import('./settings-page') }],
  },
] satisfies Routes;
