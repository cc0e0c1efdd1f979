import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repositoryRoot, sizeCases, svgSizes, themePictures } from '../../bin/theme-pictures.ts';

describe('theme pictures in docs/api/hits.md', () => {
  it.each(themePictures().map(({ file, svg }) => [file, svg]))('%s is what the code renders (else run `npm run docs:themes`)', (file, svg) => {
    expect(readFileSync(join(repositoryRoot, file), 'utf8'), `${file} is stale: run npm run docs:themes`).toBe(svg);
  });
});

describe('SVG sizes', () => {
  it('stay small: a few kilobytes even for the largest numbers', () => {
    const sizes = svgSizes();
    console.log(`SVG bytes per theme (${sizeCases.map(({ name }) => name).join(' | ')})`);
    for (const { theme, bytes } of sizes) console.log(`  ${theme}: ${bytes.join(' | ')}`);
    for (const { bytes } of sizes) {
      expect(bytes[0]).toBeLessThan(2_048);
      expect(bytes[2]).toBeLessThan(10_240);
    }
  });
});
