/**
 * Waits until `condition` holds, checking every 10 ms. For what a test must wait on (a message
 * reaching the SMTP server, a background worker's turn): on a loaded machine this can take
 * seconds, so the limit is generous and only a condition that never comes fails the test.
 */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Waited ${timeoutMs} ms for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
