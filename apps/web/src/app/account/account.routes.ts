import type { Routes } from '@angular/router';
import { heldChangesOfficerOnly } from '../offline/officer-guard';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';

/** The signed-in person's own account. The role guard on the parent route keeps young experts out. */
export default [
  {
    path: '',
    title: 'Your account',
    providers: [provideFormFieldDefaults()],
    loadComponent: () => import('./account-page'),
  },
  // Changes made offline that the server kept aside (docs/offline.md): the banner links here.
  {
    path: 'held-changes',
    title: 'Changes kept aside',
    canActivate: [heldChangesOfficerOnly],
    providers: [provideFormFieldDefaults()],
    loadComponent: () => import('../offline/held-changes-page'),
  },
] satisfies Routes;
