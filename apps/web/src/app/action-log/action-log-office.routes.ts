import type { Routes } from '@angular/router';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';

/** The officer's side of the action log: the queue (with the downloads) and the import. */
export default [
  {
    path: '',
    providers: [provideFormFieldDefaults()],
    children: [
      { path: 'queue', title: 'Action log queue', loadComponent: () => import('./queue-page') },
      { path: 'import', title: 'Import feedback', loadComponent: () => import('./import-page') },
    ],
  },
] satisfies Routes;
