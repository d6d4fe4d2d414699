import type { Routes } from '@angular/router';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';

/** Invited → said yes → came, over a period, for participation officers. */
export default [
  {
    path: '',
    providers: [provideFormFieldDefaults()],
    children: [{ path: '', title: 'Invited and came', loadComponent: () => import('./funnel-page') }],
  },
] satisfies Routes;
