import type { Routes } from '@angular/router';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import { SetUpSecondFactorPage } from './set-up-second-factor-page';

export default [
  {
    path: 'set-up',
    title: 'Set up an authenticator app',
    providers: [provideFormFieldDefaults()],
    component: SetUpSecondFactorPage,
  },
] satisfies Routes;
