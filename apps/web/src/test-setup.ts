import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';

setupZonelessTestEnv({
  errorOnUnknownElements: true,
  errorOnUnknownProperties: true,
});

// jsdom has no canvas: it logs "not implemented" for getContext. Answer as a browser without a 2D
// context would (null), so chart.js draws nothing here. The browser tests see charts drawn; these
// tests read each chart's table and accessible name.
HTMLCanvasElement.prototype.getContext = () => null;
