import type { Routes } from '@angular/router';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import { officerOnly } from './officer-guard';

/**
 * Young people: the list, a profile, and the form to add or change a record. Practitioners see
 * only the young people they are a trusted adult for (the API decides); only participation
 * officers see the add and edit buttons, and the API refuses their writes from anyone else.
 * Titles never include a young person's name, so names stay out of browser history.
 */
export default [
  {
    path: '',
    providers: [provideFormFieldDefaults()],
    children: [
      { path: '', title: 'Young people', loadComponent: () => import('./young-people-page') },
      {
        path: 'new',
        title: 'Add a young person',
        canActivate: [officerOnly],
        loadComponent: () => import('./young-person-form-page'),
      },
      { path: ':id', title: 'Young person', loadComponent: () => import('./young-person-page') },
      { path: ':id/consent', title: 'Consent', loadComponent: () => import('./consent/consent-page') },
      {
        path: ':id/erasure',
        title: 'Erasure request',
        canActivate: [officerOnly],
        loadComponent: () => import('./erasure/erasure-page'),
      },
      {
        path: ':id/edit',
        title: 'Edit a young person',
        canActivate: [officerOnly],
        loadComponent: () => import('./young-person-form-page'),
      },
    ],
  },
] satisfies Routes;
