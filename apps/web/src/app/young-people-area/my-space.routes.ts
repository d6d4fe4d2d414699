import type { Routes } from '@angular/router';
import { MySpacePage } from './my-space-page';

export default [{ path: '', title: 'My space', component: MySpacePage }] satisfies Routes;
