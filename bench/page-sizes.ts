import { gzipSync } from 'node:zlib';
import { entries, files } from '../lambdas/site/assets.generated.ts';

/**
 * What each page costs a visitor: its script and stylesheet as served (minified, then gzipped, as
 * the asset route sends them), against the page's budgets: its script alone, and script and
 * stylesheet together. Prints figures; the budget test is in test/site/pages.test.ts.
 */
export const budgets = {
  landing: { script: 15 * 1024, total: 20 * 1024 },
  embed: { script: 25 * 1024, total: 30 * 1024 },
  // The budget for the console: 60 KB of JavaScript.
  console: { script: 60 * 1024, total: 70 * 1024 },
} satisfies Record<keyof typeof entries, { script: number; total: number }>;

export const pageSizes = () =>
  Object.entries(entries).map(([page, { script, style }]) => {
    const gzipped = (name: string) => gzipSync(files[name as keyof typeof files]).length;
    return { page, script: gzipped(script), style: gzipped(style), budget: budgets[page as keyof typeof entries] };
  });

if (import.meta.url === `file://${process.argv[1]}`) {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log('| Page | JS min+gzip | CSS min+gzip | Total | JS budget | Total budget |\n| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const { page, script, style, budget } of pageSizes()) {
    console.log(`| ${page} | ${kb(script)} | ${kb(style)} | ${kb(script + style)} | ${kb(budget.script)} | ${kb(budget.total)} |`);
  }
}
