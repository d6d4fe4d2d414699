import type { Routes } from '@angular/router';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import { WelcomePage } from './welcome-page';

export default [
  {
    path: '',
    providers: [provideFormFieldDefaults()],
    children: [
      { path: ':token', title: 'Choose a new password', component: WelcomePage, data: { mode: 'reset' } },
      // A link cut short before the token: say so plainly rather than show "Page not found".
      {
        path: '',
        title: 'Choose a new password',
        component: WelcomePage,
        data: { token: '', mode: 'reset' },
      },
    ],
  },
] satisfies Routes;
