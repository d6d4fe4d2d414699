import type { Routes } from '@angular/router';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import { SignInPage } from './sign-in-page';

export default [
  { path: '', title: 'Sign in', providers: [provideFormFieldDefaults()], component: SignInPage },
] satisfies Routes;
