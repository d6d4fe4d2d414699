import type { Locator, Page } from 'playwright-core';
import { waitFor } from '../../api/support/wait';

/**
 * Chooses an option of a Material select with the pointer, as a person would: Playwright's click
 * fails if anything (such as a floating label lying over the select) would take the click instead.
 * A Material select whose options are still loading does not open, so on a slow machine the first
 * click can come too soon: it is clicked again until its list shows. Without `option`, the first.
 */
export async function chooseOption(page: Page, select: Locator, option?: string): Promise<void> {
  const listbox = page.getByRole('listbox');
  await waitFor(async () => {
    if (await listbox.isVisible()) return true;
    await select.click();
    return listbox.waitFor({ timeout: 2_000 }).then(
      () => true,
      () => false,
    );
  }, 'the select to open with its options');
  const choice =
    option === undefined
      ? page.getByRole('option').first()
      : page.getByRole('option', { name: option, exact: true });
  await choice.click();
  await listbox.waitFor({ state: 'detached' });
}
