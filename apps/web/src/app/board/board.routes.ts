import type { Routes } from '@angular/router';
import { BOARD } from './board-words';

/** The public board, `/board` and `/board/<item>`: no sign-in, outside the staff pages. */
export default [
  { path: '', title: BOARD.title, loadComponent: () => import('./board-page') },
  { path: ':itemId', title: BOARD.title, loadComponent: () => import('./board-item-page') },
] satisfies Routes;
