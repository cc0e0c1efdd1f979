import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { entryPoints } from './build.ts';

/** The SDK's size as a browser bundler would ship it: each entry point minified, then gzipped. */
export const budgetBytes = 10 * 1024;

export const measureClient = async () => {
  const { outputFiles } = await build({
    absWorkingDir: fileURLToPath(new URL('..', import.meta.url)),
    entryPoints,
    outdir: 'out',
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    write: false,
  });
  const files = outputFiles.map((file) => ({ file: file.path.replace(/.*\//, ''), minified: file.contents.length, gzipped: gzipSync(file.contents).length }));
  // The whole client: both entry points together, as an app importing both would ship them (an upper bound: they share code).
  return { files, totalGzipped: files.reduce((sum, file) => sum + file.gzipped, 0) };
};
