import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { renderCounter, type CounterImageOptions } from '../lambdas/hits/svg/render.ts';
import { themeNames } from '../lambdas/hits/svg/themes.ts';

/**
 * The theme pictures of docs/api/hits.md (docs/themes/*.svg), rendered by the code that serves them;
 * test/hits/theme-pictures.test.ts fails when a committed picture is no longer what the code
 * draws. `npm run docs:themes` rewrites them and prints the size of each theme's SVG.
 */

export const repositoryRoot = fileURLToPath(new URL('../', import.meta.url));
const sample = { visit: 1234, visitor: 56 };

export const themePictures = (): { file: string; svg: string }[] =>
  themeNames.flatMap((theme) => [
    { file: `docs/themes/${theme}.svg`, svg: renderCounter(sample, { theme, show: 'visit', scheme: 'auto' }) },
    { file: `docs/themes/${theme}-both.svg`, svg: renderCounter(sample, { theme, show: 'both', label: 'views', scheme: 'auto' }) },
  ]);

/** Typical and worst-case requests, from a fresh counter's to the largest number a counter holds. */
export const sizeCases: { name: string; counts: { visit: number; visitor: number }; options: Omit<CounterImageOptions, 'theme'> }[] = [
  { name: 'default, 1234 visits', counts: sample, options: { show: 'visit', scheme: 'auto' } },
  { name: 'show=both&label=views', counts: sample, options: { show: 'both', label: 'views', scheme: 'auto' } },
  {
    name: 'show=both, 16-digit numbers',
    counts: { visit: Number.MAX_SAFE_INTEGER, visitor: Number.MAX_SAFE_INTEGER },
    options: { show: 'both', label: 'views', scheme: 'auto', digits: 12 },
  },
];

export const svgSizes = () =>
  themeNames.map((theme) => ({
    theme,
    bytes: sizeCases.map(({ counts, options }) => Buffer.byteLength(renderCounter(counts, { ...options, theme }))),
  }));

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const { file, svg } of themePictures()) {
    const path = join(repositoryRoot, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, svg);
    console.log(`wrote ${file}`);
  }
  console.log(`\nSVG bytes per theme (${sizeCases.map(({ name }) => name).join(' | ')}):`);
  for (const { theme, bytes } of svgSizes()) console.log(`  ${theme}: ${bytes.join(' | ')}`);
}
