import type { Routes } from '@angular/router';
import { HomePage } from './home-page';

export default [{ path: '', title: 'Home', component: HomePage }] satisfies Routes;
