import type { Routes } from '@angular/router';
import ErrorPage from './error-page';

export default [{ path: '', title: 'Something went wrong', component: ErrorPage }] satisfies Routes;
