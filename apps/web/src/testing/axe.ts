import * as axe from 'axe-core';

/**
 * Runs axe's WCAG 2.x A/AA rules on a rendered element and returns the violations as
 * readable lines (empty when there are none). Colour contrast needs real layout, so it is
 * checked in the browser tests instead; everything else (names, labels, ARIA, roles,
 * heading and list structure) is checked here.
 */
export async function axeViolations(element: Element): Promise<string[]> {
  const results = await axe.run(element, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    rules: { 'color-contrast': { enabled: false } },
  });
  return results.violations.map(
    (violation) =>
      `${violation.impact ?? 'unknown'}: ${violation.id} – ${violation.help} (${violation.nodes
        .map((node) => node.target.join(' '))
        .join(', ')})`,
  );
}
