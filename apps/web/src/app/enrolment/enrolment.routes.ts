import type { Routes } from '@angular/router';
import { ENROL_WORDS } from './enrol-words';

export default [
  { path: '', title: ENROL_WORDS.title, loadComponent: () => import('./enrol-page') },
] satisfies Routes;
