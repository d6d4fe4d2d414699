import type { Routes } from '@angular/router';
import { MySpacePage } from './my-space-page';
import {
  CHOICES,
  DELETION,
  EVALUATIONS,
  HOME,
  INVITATIONS,
  MY_DATA,
  ONE_TO_ONE,
  OUR_PLAN,
  PROMISES,
  RESPONSES,
  ROUNDS,
  WORRY,
} from './my-space-words';

/** A young expert's own pages: each thing they can do is its own small page, loaded when opened. */
export default [
  { path: '', title: HOME.title, component: MySpacePage },
  { path: 'rounds', title: ROUNDS.title, loadComponent: () => import('./rounds-page') },
  { path: 'rounds/:roundId', title: ROUNDS.title, loadComponent: () => import('./evaluate-page') },
  { path: 'said', title: EVALUATIONS.title, loadComponent: () => import('./evaluations-page') },
  { path: 'said/:evaluationId', title: EVALUATIONS.title, loadComponent: () => import('./evaluation-page') },
  { path: 'responses', title: RESPONSES.title, loadComponent: () => import('./responses-page') },
  { path: 'promises', title: PROMISES.title, loadComponent: () => import('./promises-page') },
  { path: 'plan', title: OUR_PLAN.title, loadComponent: () => import('./plan-page') },
  { path: 'invitations', title: INVITATIONS.title, loadComponent: () => import('./invitations-page') },
  { path: 'one-to-one', title: ONE_TO_ONE.title, loadComponent: () => import('./one-to-one-page') },
  { path: 'choices', title: CHOICES.title, loadComponent: () => import('./choices-page') },
  { path: 'data', title: MY_DATA.title, loadComponent: () => import('./my-data-page') },
  { path: 'delete', title: DELETION.title, loadComponent: () => import('./deletion-page') },
  { path: 'worry', title: WORRY.title, loadComponent: () => import('./worry-page') },
] satisfies Routes;
