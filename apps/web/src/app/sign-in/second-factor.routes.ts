import type { Routes } from '@angular/router';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import { PasskeysPage } from './passkeys-page';
import { SetUpSecondFactorPage } from './set-up-second-factor-page';

export default [
  {
    path: 'set-up',
    title: 'Set up an authenticator app',
    providers: [provideFormFieldDefaults()],
    component: SetUpSecondFactorPage,
  },
  {
    path: 'passkeys',
    title: 'Passkeys',
    providers: [provideFormFieldDefaults()],
    component: PasskeysPage,
  },
] satisfies Routes;
