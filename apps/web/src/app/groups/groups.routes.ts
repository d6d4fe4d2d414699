import type { Routes } from '@angular/router';
import { ComingSoonPage } from '../shared/coming-soon-page';

export default [
  {
    path: '',
    title: 'Groups and sessions',
    component: ComingSoonPage,
    data: {
      heading: 'Groups and sessions',
      message: 'Soon you will plan groups and sessions here, and record who came and what they said.',
    },
  },
] satisfies Routes;
