import type { Routes } from '@angular/router';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import { WelcomePage } from './welcome-page';

export default [
  {
    path: '',
    providers: [provideFormFieldDefaults()],
    children: [
      { path: ':token', title: 'Choose your password', component: WelcomePage },
      // A link cut short before the token: say so plainly rather than show "Page not found".
      { path: '', title: 'Choose your password', component: WelcomePage, data: { token: '' } },
    ],
  },
] satisfies Routes;
