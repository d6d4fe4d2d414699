import { inject } from '@angular/core';
import { type CanActivateFn, Router, type Routes } from '@angular/router';
import { ACTION_LOG_OFFICERS, type Role } from '@heard/domain';
import { SessionService } from '../core/session.service';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';

/** Whether the signed-in person records items (and takes them on); the API refuses anyone else. */
export function mayRecord(role: Role | undefined): boolean {
  return role !== undefined && (ACTION_LOG_OFFICERS as readonly Role[]).includes(role);
}

/** A reader who opens the form from an old link goes to the log rather than to a form the API would refuse. */
const recordersOnly: CanActivateFn = () =>
  mayRecord(inject(SessionService).user()?.role) ? true : inject(Router).createUrlTree(['/action-log']);

/**
 * "You said, We did": the log, recording an item, and one item. Titles never name a young person,
 * so names stay out of browser history.
 */
export default [
  {
    path: '',
    providers: [provideFormFieldDefaults()],
    children: [
      { path: '', title: 'You said, We did', loadComponent: () => import('./action-log-page') },
      {
        path: 'new',
        title: 'Record what was said',
        canActivate: [recordersOnly],
        loadComponent: () => import('./item-form-page'),
      },
      { path: 'items/:id', title: 'You said item', loadComponent: () => import('./item-page') },
      { path: 'actions/:id', title: 'Action', loadComponent: () => import('./action-page') },
    ],
  },
] satisfies Routes;
