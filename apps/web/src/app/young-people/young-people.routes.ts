import type { Routes } from '@angular/router';
import { ComingSoonPage } from '../shared/coming-soon-page';

export default [
  {
    path: '',
    title: 'Young people',
    component: ComingSoonPage,
    data: {
      heading: 'Young people',
      message: 'Soon you will find the young people you work with here, with their choices and consent.',
    },
  },
] satisfies Routes;
