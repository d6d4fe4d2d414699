import type { Route } from '@angular/router';
import { authGuard, roleGuard, signedOutGuard } from './core/auth.guards';

/**
 * Public pages first, then everything behind sign-in. The role guard lets a role open only
 * what `navigationFor(role)` offers it, so the menu and the guard always agree.
 */
export const appRoutes: Route[] = [
  { path: '', pathMatch: 'full', redirectTo: 'home' },
  { path: 'sign-in', canActivate: [signedOutGuard], loadChildren: () => import('./sign-in/sign-in.routes') },
  {
    path: 'forgot-password',
    canActivate: [signedOutGuard],
    loadChildren: () => import('./sign-in/forgot-password.routes'),
  },
  // Setting up an authenticator app: for a signed-in person, or one whose account must have one first.
  { path: 'second-factor', loadChildren: () => import('./sign-in/second-factor.routes') },
  // A young expert's code from their officer: a passkey for this device, or just this time.
  { path: 'enrol', loadChildren: () => import('./enrolment/enrolment.routes') },
  { path: 'welcome', loadChildren: () => import('./welcome/welcome.routes') },
  // The link in a "choose a new password" email: the same page as an invitation's, in its reset form.
  { path: 'reset-password', loadChildren: () => import('./welcome/reset-password.routes') },
  // No 'rsvp' or 'r' here: a young person's answer page (/rsvp/…, and /r/… from a letter) is
  // plain HTML from the API, with no script (docs/decisions/0024).
  // A round's link: anyone answers it without an account (the path the API gives a link round).
  { path: 'evaluate', loadChildren: () => import('./evaluations/round-link.routes') },
  // The public "You said, We did" board: anyone may read it, signed in or not.
  { path: 'board', loadChildren: () => import('./board/board.routes') },
  // The published voice plan, each year's and its past versions: anyone may read it, signed in or not.
  { path: 'our-plan', loadChildren: () => import('./our-plan/our-plan.routes') },
  { path: 'error', loadChildren: () => import('./errors/errors.routes') },
  {
    path: '',
    canActivateChild: [authGuard, roleGuard],
    children: [
      { path: 'home', loadChildren: () => import('./home/home.routes') },
      { path: 'my-space', loadChildren: () => import('./young-people-area/my-space.routes') },
      { path: 'young-people', loadChildren: () => import('./young-people/young-people.routes') },
      { path: 'groups', loadChildren: () => import('./groups/groups.routes') },
      { path: 'activities', loadChildren: () => import('./activities/activities.routes') },
      { path: 'funnel', loadChildren: () => import('./funnel/funnel.routes') },
      // Two versions of the voice plan compared; before 'plans' so it is matched first. The role guard
      // lets in whoever the menu offers 'plans' (officers and senior leaders).
      {
        path: 'plans/compare',
        title: 'Compare versions of the plan',
        loadComponent: () => import('./plans/view/plan-compare-page'),
      },
      { path: 'practice-tools', loadChildren: () => import('./practice-tools/practice-tools.routes') },
      { path: 'one-to-ones', loadChildren: () => import('./one-to-ones/one-to-ones.routes') },
      {
        path: 'deletion-requests',
        loadChildren: () => import('./deletion-requests/deletion-requests.routes'),
      },
      { path: 'invitations', loadChildren: () => import('./invitations/invitations.routes') },
      { path: 'handover', loadChildren: () => import('./invitations/handover.routes') },
      { path: 'to-pass-on', loadChildren: () => import('./action-log/to-pass-on.routes') },
      { path: 'action-log', loadChildren: () => import('./action-log/action-log.routes') },
      { path: 'pledges', loadChildren: () => import('./pledges/pledges.routes') },
      { path: 'plans', loadChildren: () => import('./plans/plans.routes') },
      { path: 'reports', loadChildren: () => import('./reports/reports.routes') },
      { path: 'reach', loadChildren: () => import('./reach/reach.routes') },
      // The log's settings are an administrator's (services, themes, days to acknowledge), beside their other pages.
      { path: 'admin/action-log', loadChildren: () => import('./action-log/action-log-settings.routes') },
      { path: 'admin', loadChildren: () => import('./admin/admin.routes') },
      { path: 'worries', loadChildren: () => import('./worries/worries.routes') },
      { path: 'account', loadChildren: () => import('./account/account.routes') },
      { path: 'action-log', loadChildren: () => import('./action-log/action-log-office.routes') },
    ],
  },
  { path: '**', title: 'Page not found', loadComponent: () => import('./errors/not-found-page') },
];
