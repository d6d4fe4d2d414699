import { inject } from '@angular/core';
import { type CanActivateFn, Router, type Routes } from '@angular/router';
import { mayEditPracticeTools } from '@heard/domain';
import { SessionService } from '../core/session.service';
import { provideFormFieldDefaults } from '../shared/form-field-defaults';

/**
 * The forms change the catalogue, which only officers do. A senior leader who opens one (from an
 * old link, say) goes to the list instead of a form the API would refuse.
 */
export const officersOnly: CanActivateFn = () =>
  mayEditPracticeTools(inject(SessionService).user()?.role)
    ? true
    : inject(Router).createUrlTree(['/practice-tools']);

/**
 * The practice tools catalogue, for officers and senior leaders (the role guard on the parent
 * route keeps others out). Senior leaders read; the pages offer writes to officers only, and the
 * API refuses them to anyone else. "new" and "rounds" come before `:id`, so neither is read as an id.
 */
export default [
  {
    path: '',
    providers: [provideFormFieldDefaults()],
    children: [
      { path: '', title: 'Practice tools', loadComponent: () => import('./practice-tools-page') },
      {
        path: 'new',
        title: 'New practice tool',
        canActivate: [officersOnly],
        loadComponent: () => import('./practice-tool-form-page'),
      },
      {
        // Entering evaluations of a round of one of the tools' versions: officers, at an activity day.
        path: 'rounds/:roundId/enter',
        title: 'Enter evaluations',
        canActivate: [officersOnly],
        loadComponent: () => import('../evaluations/evaluation-entry-page'),
      },
      {
        // A round's results, for officers and senior leaders (the parent route's readers).
        path: 'rounds/:roundId/results',
        title: 'Evaluation results',
        loadComponent: () => import('../evaluations/round-results-page'),
      },
      {
        path: 'rounds/:roundId/evaluations',
        title: 'Evaluations',
        canActivate: [officersOnly],
        loadComponent: () => import('../evaluations/round-evaluations-page'),
      },
      {
        path: 'rounds/:roundId',
        title: 'Evaluation round',
        canActivate: [officersOnly],
        loadComponent: () => import('../evaluations/round-page'),
      },
      {
        path: ':id/versions/:versionId/rounds/new',
        title: 'Set up a round',
        canActivate: [officersOnly],
        loadComponent: () => import('../evaluations/round-form-page'),
      },
      { path: ':id', title: 'Practice tool', loadComponent: () => import('./practice-tool-page') },
      {
        path: ':id/edit',
        title: 'Edit practice tool',
        canActivate: [officersOnly],
        loadComponent: () => import('./practice-tool-form-page'),
      },
    ],
  },
] satisfies Routes;
