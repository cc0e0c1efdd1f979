import { gzipSync } from 'node:zlib';
import { files, entries } from './assets.generated.ts';

/**
 * The pages' built scripts and stylesheets (web/, built by `npm run pages:build` into
 * ./assets.generated.ts, which is committed): bundled into each page's function by esbuild like
 * any import, so the stack and `npm start` serve the same bytes with no copying step.
 */

export { entries };
export type EntryName = keyof typeof entries;

const contentTypes = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' } as const;

/** Compressed once per container, on the file's first request. */
const gzipped = new Map<string, Buffer>();

/** The file of that name, gzipped, or undefined: a name from an earlier build (or none). */
export const assetOf = (name: string) => {
  if (!Object.hasOwn(files, name)) return undefined;
  const extension = name.slice(name.lastIndexOf('.') + 1) as keyof typeof contentTypes;
  let body = gzipped.get(name);
  if (!body) gzipped.set(name, (body = gzipSync(files[name as keyof typeof files])));
  return { contentType: contentTypes[extension], body };
};
