import type { Locator, Page } from 'playwright-core';

/**
 * Waits until a `heard-bar-chart` canvas has been painted: chart.js draws after the data arrives and
 * the canvas is sized, so "on the page" is not yet "drawn". Drawn means some pixel is not transparent.
 */
export async function chartDrawn(canvas: Locator): Promise<void> {
  await canvas.page().waitForFunction(
    (element) => {
      const c = element as HTMLCanvasElement;
      const pixels = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? [];
      return Array.from(pixels).some((value, i) => i % 4 === 3 && value > 0);
    },
    await canvas.elementHandle(),
  );
}

/** The canvas of the chart with this caption, named as screen readers hear it. */
export function chartNamed(scope: Locator | Page, caption: string): Locator {
  return scope.getByRole('img', { name: `Bar chart: ${caption}. The table beside it has the same numbers.` });
}
