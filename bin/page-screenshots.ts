/**
 * `npm run docs:screenshots`: pictures of the landing page and the embed builder for docs/pages.md,
 * taken in headless Chromium from a fresh in-memory server (so the numbers are a few hits, not
 * someone's data), into docs/screenshots/.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCdkJsonConfig } from '../lib/config.ts';
import { startDevServer } from '../lib/local/dev-server.ts';
import { routes } from '../lib/routes.ts';
import { launch } from '../test/site/chromium.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';

export const screenshotsDir = join(import.meta.dirname, '..', 'docs', 'screenshots');
export const screenshots = ['landing.png', 'landing-dark-360.png', 'embed.png'];

const dataDir = mkdtempSync(join(tmpdir(), 'incr-screenshots-'));
const server = await startDevServer({ routes, port: 0, host: '127.0.0.1', tableName: 'incr-screenshots', inMemory: true, dataDir, config: loadCdkJsonConfig() });
const browser = await launch();
try {
  for (let hit = 0; hit < 3; hit++) await fetch(`${server.url}/hit/my-site.example/visits`);
  mkdirSync(screenshotsDir, { recursive: true });
  const shoot = async (path: string, file: string, options: Parameters<typeof browser.newContext>[0]) => {
    const page = await (await browser.newContext(options)).newPage();
    await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
    await page.screenshot({ path: join(screenshotsDir, file), fullPage: true });
    await page.close();
    console.log(`Wrote docs/screenshots/${file}`);
  };
  await shoot('/', screenshots[0]!, { viewport: { width: 1100, height: 800 } });
  await shoot('/', screenshots[1]!, { viewport: { width: 360, height: 740 }, colorScheme: 'dark' });
  await shoot('/embed', screenshots[2]!, { viewport: { width: 1100, height: 800 } });
} finally {
  await browser.close();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
