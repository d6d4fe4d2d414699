import type { Routes } from '@angular/router';
import { PUBLISHED_PLAN } from './our-plan-words';

/**
 * The published voice plan, `/our-plan`, `/our-plan/compare` and `/our-plan/<version>`: no sign-in,
 * outside the staff pages. "compare" comes first, or it would be read as a version's id.
 */
export default [
  { path: '', title: PUBLISHED_PLAN.title, loadComponent: () => import('./our-plan-page') },
  {
    path: 'compare',
    title: PUBLISHED_PLAN.compareTitle,
    loadComponent: () => import('./our-plan-compare-page'),
  },
  { path: ':versionId', title: PUBLISHED_PLAN.title, loadComponent: () => import('./our-plan-version-page') },
] satisfies Routes;
