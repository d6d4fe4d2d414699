import type { Routes } from '@angular/router';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';

/** Reach: who takes part compared with who could, for officers, senior leaders and administrators. */
export default [
  {
    path: '',
    providers: [provideFormFieldDefaults()],
    children: [{ path: '', title: 'Reach', loadComponent: () => import('./reach-page') }],
  },
] satisfies Routes;
