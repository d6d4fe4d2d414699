import type { Routes } from '@angular/router';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import { ForgotPasswordPage } from './forgot-password-page';

export default [
  {
    path: '',
    title: 'Forgotten your password?',
    providers: [provideFormFieldDefaults()],
    component: ForgotPasswordPage,
  },
] satisfies Routes;
