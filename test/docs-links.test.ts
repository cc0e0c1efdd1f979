import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { markdownDocuments as documents } from './markdown-examples.ts';

/** Every relative link of the README and docs/ reaches a file, and its #fragment a heading of it. */

const root = fileURLToPath(new URL('..', import.meta.url));

const withoutFences = (markdown: string) => markdown.replace(/^```[\s\S]*?^```/gm, '');
/** The text outside fenced blocks and inline code, where links are links. */
const prose = (markdown: string) => withoutFences(markdown).replace(/`[^`\n]*`/g, '');

/** GitHub's anchors: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
const headingAnchors = (markdown: string): Set<string> => {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const [, heading] of withoutFences(markdown).replace(/`([^`\n]*)`/g, '$1').matchAll(/^#{1,6} (.+)$/gm)) {
    const slug = heading!.trim().toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
};

const brokenLinks = (document: string): string[] => {
  const markdown = readFileSync(join(root, document), 'utf8');
  return [...prose(markdown).matchAll(/\]\(([^)\s]+)\)/g)].flatMap(([, target]) => {
    if (/^(https?:|mailto:)/.test(target!)) return [];
    const [path, fragment] = target!.split('#') as [string, string | undefined];
    const file = path === '' ? join(root, document) : join(root, dirname(document), path);
    if (!existsSync(file)) return [`${document}: ${target} (no file ${relative(root, file)})`];
    if (fragment !== undefined && file.endsWith('.md') && !headingAnchors(readFileSync(file, 'utf8')).has(fragment)) return [`${document}: ${target} (no such heading)`];
    return [];
  });
};

describe.each(documents)('%s', (document) => {
  it('links only to files and headings that exist', () => {
    expect(brokenLinks(document)).toEqual([]);
  });
});

it('numbers repeated headings as GitHub does, and drops their punctuation', () => {
  expect([...headingAnchors('# Errors of the `/v1` API\n## Bootstrap: the CLI\n## Usage\n## Usage\n```sh\n# not a heading\n```')]).toEqual([
    'errors-of-the-v1-api',
    'bootstrap-the-cli',
    'usage',
    'usage-1',
  ]);
});
