import type { Routes } from '@angular/router';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';
import { RsvpPage } from './rsvp-page';

/**
 * The young person's answer page, opened from an email or a letter. Public: the token in the link
 * is the only key. The title never names them or the event, so nothing personal is left in history.
 */
export default [
  {
    path: '',
    providers: [provideFormFieldDefaults()],
    children: [
      { path: ':token', title: 'Your invite', component: RsvpPage },
      // A link cut short before the token: say so plainly rather than show "Page not found".
      { path: '', title: 'Your invite', component: RsvpPage, data: { token: '' } },
    ],
  },
] satisfies Routes;
