import { describe, expect, it } from 'vitest';
import { useLocalApi } from '../helpers.ts';
import { expectClean, hasChromium, openPage, useBrowser, warnIfMissing } from './chromium.ts';

/**
 * The API reference as a reader sees it: the real page in headless Chromium, against the local
 * server. CI installs Chromium (.ci/run); a machine without it skips this file and says so.
 */
warnIfMissing('the /docs browser test');

type Operation = { summary?: string };
type OpenApi = { paths: Record<string, Record<string, Operation>> };

describe.skipIf(!hasChromium)('GET /docs in headless Chromium', () => {
  const api = useLocalApi();
  const browser = useBrowser();

  it('shows every operation of /openapi.json, loading nothing from elsewhere, with no error and no policy violation', async () => {
    const document = (await (await api.fetch('/openapi.json')).json()) as OpenApi;
    const operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.values(methods).map((operation) => ({ path, summary: operation.summary })));
    expect(operations.map(({ path }) => path)).toContain('/v1/check-consume');

    const opened = await openPage(browser(), `${api.url}/docs`);
    const { page } = opened;
    for (const { path, summary } of operations) {
      await page.getByText(summary ?? path, { exact: true }).first().waitFor({ state: 'attached', timeout: 30_000 });
    }
    await page.getByText('/v1/check-consume', { exact: true }).first().waitFor({ state: 'attached' });
    await page.waitForLoadState('networkidle');

    await expectClean(opened, api.url);
    await page.close();
  });
});
