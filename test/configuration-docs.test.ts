import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownDocuments as documents } from './markdown-examples.ts';
import { deployContextKeys } from '../lib/config.ts';

/**
 * The deploy settings table of docs/configuration.md is written by hand, and the schema of
 * lib/config.ts is what a synth accepts: a key added to one and not the other, or misspelled in
 * any document, fails here instead of leaving a setting undocumented or a reader with a key that
 * stops the synth.
 */

const repoRoot = new URL('..', import.meta.url).pathname;
const read = (path: string) => readFileSync(join(repoRoot, path), 'utf8');

/** The context keys in the first column of the table under `## Deploy settings`, in their order. */
const documentedKeys = (markdown: string): string[] => {
  const section = markdown.split(/^## /m).find((part) => part.startsWith('Deploy settings'));
  if (!section) throw new Error('docs/configuration.md has no "## Deploy settings" section');
  return [...section.matchAll(/^\| `(incr:[^`]+)` \|/gm)].map((match) => match[1]!);
};


describe('docs/configuration.md, deploy settings', () => {
  const keys = documentedKeys(read('docs/configuration.md'));

  it('lists every incr:* key lib/config.ts accepts, and no other', () => {
    expect([...keys].sort()).toEqual([...deployContextKeys].sort());
  });

  it('lists each key once', () => {
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
  });
});

it.each(documents)('%s names only incr:* keys that lib/config.ts accepts', (path) => {
  // `incr:<name>` and the like are placeholders, not keys: a key is letters only.
  const named = [...read(path).matchAll(/\bincr:([A-Za-z]+)/g)].map((match) => `incr:${match[1]}`);
  expect(named.filter((key) => !deployContextKeys.includes(key))).toEqual([]);
});
