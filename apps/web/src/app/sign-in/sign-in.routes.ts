import type { Routes } from '@angular/router';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import { SecondStepPage } from './second-step-page';
import { SignInPage } from './sign-in-page';

export default [
  { path: '', title: 'Sign in', providers: [provideFormFieldDefaults()], component: SignInPage },
  {
    path: 'second-step',
    title: 'Enter your code',
    providers: [provideFormFieldDefaults()],
    component: SecondStepPage,
  },
] satisfies Routes;
