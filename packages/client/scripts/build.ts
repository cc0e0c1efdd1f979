import { execFileSync } from 'node:child_process';
import { copyFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** Builds dist/: ESM and CommonJS bundles of each entry point, and the type declarations. */

const root = fileURLToPath(new URL('..', import.meta.url));
export const entryPoints = ['src/index.ts', 'src/countapi.ts'];

export const buildClient = async () => {
  rmSync(`${root}/dist`, { recursive: true, force: true });
  await Promise.all(
    (['esm', 'cjs'] as const).map((format) =>
      build({
        absWorkingDir: root,
        entryPoints,
        outdir: 'dist',
        outExtension: { '.js': format === 'esm' ? '.mjs' : '.cjs' },
        bundle: true,
        format,
        // Browsers, Deno, Bun and edge runtimes all have ES2022; nothing platform-specific is imported.
        platform: 'neutral',
        target: 'es2022',
        logLevel: 'warning',
      }),
    ),
  );
  execFileSync(process.execPath, [fileURLToPath(import.meta.resolve('typescript/bin/tsc')), '-p', root], { stdio: 'inherit' });
  // tsc never copies declaration files: the generated schema types go next to the declarations that import them.
  copyFileSync(`${root}/src/schema.d.ts`, `${root}/dist/types/schema.d.ts`);
};

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildClient();
