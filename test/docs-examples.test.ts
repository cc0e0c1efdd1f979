import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDocument, useFreshServer } from './markdown-examples.ts';

/** Every runnable example of docs/, each document against its own fresh server, as the README's tour is run. */

const docsDir = new URL('../docs/', import.meta.url).pathname;
const documents = readdirSync(docsDir, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.md') && readFileSync(join(docsDir, file), 'utf8').includes('<!-- runnable'))
  .map((file) => `docs/${file}`)
  .sort();

it('finds the API pages of every family among the documents with runnable examples', () => {
  expect(documents).toEqual(expect.arrayContaining(['countapi', 'hits', 'owners-and-keys', 'private-counters', 'namespace-counter', 'quota'].map((family) => `docs/api/${family}.md`)));
});

describe.each(documents)('%s', (path) => {
  const server = useFreshServer({ ownJava: false });
  it('prints every answer it shows', async () => {
    await checkDocument(path, server);
  });
});
