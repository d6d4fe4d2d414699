export * from './lib/icon/icon';
export * from './lib/icon/icon-paths';
export * from './lib/page-header/page-header';
export * from './lib/empty-state/empty-state';
export * from './lib/problem-alert/problem-alert';
export * from './lib/paginator/bounded-total';
export * from './lib/list-results/list-results';
