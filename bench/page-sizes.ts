import { gzipSync } from 'node:zlib';
import { entries, files } from '../lambdas/site/assets.generated.ts';

/**
 * What each page costs a visitor: its script and stylesheet as served (minified, then gzipped, as
 * the asset route sends them), against the page's budget. Prints figures; the budget test is in
 * test/site/assets.test.ts.
 */
export const budgets = { landing: 20 * 1024, embed: 30 * 1024 } satisfies Record<keyof typeof entries, number>;

export const pageSizes = () =>
  Object.entries(entries).map(([page, { script, style }]) => {
    const gzipped = (name: string) => gzipSync(files[name as keyof typeof files]).length;
    return { page, script: gzipped(script), style: gzipped(style), budget: budgets[page as keyof typeof entries] };
  });

if (import.meta.url === `file://${process.argv[1]}`) {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log('| Page | JS min+gzip | CSS min+gzip | Total | Budget |\n| --- | ---: | ---: | ---: | ---: |');
  for (const { page, script, style, budget } of pageSizes()) console.log(`| ${page} | ${kb(script)} | ${kb(style)} | ${kb(script + style)} | ${kb(budget)} |`);
}
