import type { Page } from 'playwright-core';
import type { RunningServer } from './server';

/**
 * A call through the API with the page's own session, echoing its XSRF cookie as the web app does:
 * for setting up and checking what the pages under test cannot show. A refusal fails the test
 * with the status and the problem, so set-up never goes on half done.
 */
export async function api<T>(
  page: Page,
  server: RunningServer,
  method: 'get' | 'post' | 'put' | 'patch',
  path: string,
  body?: object,
  headers: Record<string, string> = {},
): Promise<T> {
  const cookies = await page.context().cookies(server.url);
  const xsrf = cookies.find((c) => c.name === 'XSRF-TOKEN')?.value ?? '';
  const res = await page.request.fetch(`${server.url}${path}`, {
    method,
    data: body,
    headers: { 'X-XSRF-TOKEN': xsrf, ...headers },
  });
  if (!res.ok()) throw new Error(`${method.toUpperCase()} ${path}: ${res.status()} ${await res.text()}`);
  const text = await res.text();
  return (text ? JSON.parse(text) : null) as T;
}
