import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleFunction, byPackage, functionBudgetBytes } from '../bench/function-sizes.ts';
import { createApp } from '../lib/app.ts';
import { cdkJsonContext } from '../lib/config.ts';
import { routes } from '../lib/routes.ts';

type AssetManifest = { files: Record<string, { source: { path: string }; destinations: Record<string, { objectKey: string }> }> };
type Bundle = { directory: string; code: string; imports: string[]; exports: string[] };
type Measured = { code: string; packages: string[] };

const requireShim = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/** Lets esbuild parse the bundle, so that text inside strings and comments is not taken for imports. */
const analyze = async (file: string): Promise<Bundle> => {
  const { metafile } = await build({
    entryPoints: [file],
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    write: false,
    metafile: true,
    outfile: 'analyzed.mjs',
    logLevel: 'silent',
  });
  return {
    directory: dirname(file),
    code: readFileSync(file, 'utf8'),
    imports: Object.values(metafile.inputs).flatMap((input) => input.imports.map((imported) => imported.path)),
    exports: Object.values(metafile.outputs).flatMap((output) => output.exports),
  };
};

/**
 * The one synth that really bundles every function with esbuild, as `cdk synth` and `cdk deploy`
 * do: it fails on an entry that does not resolve, which the assertion tests never bundle.
 */
describe('bundled functions', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'incr-bundling-'));
  const bundleOf = new Map<string, Bundle>();
  const measuredOf = new Map<string, Measured>();

  beforeAll(async () => {
    const { app, stack } = createApp({ outdir, context: cdkJsonContext() });
    const { template } = app.synth().getStackByName(stack.stackName);

    const manifest = JSON.parse(readFileSync(join(outdir, `${stack.stackName}.assets.json`), 'utf8')) as AssetManifest;
    const assetDirectoryOf = (objectKey: string) =>
      Object.values(manifest.files).find((file) => Object.values(file.destinations).some((destination) => destination.objectKey === objectKey))
        ?.source.path;

    for (const resource of Object.values(template.Resources as Record<string, { Type: string; Properties: any }>)) {
      if (resource.Type !== 'AWS::Lambda::Function') continue;
      const assetDirectory = assetDirectoryOf(resource.Properties.Code.S3Key);
      if (assetDirectory) bundleOf.set(resource.Properties.FunctionName, await analyze(join(outdir, assetDirectory, 'index.mjs')));
    }

    // What npm run bench:functions builds and measures, with the same options, apart from the synth.
    for (const route of routes) {
      const { outfile, metafile } = await bundleFunction(route, join(outdir, 'bench', route.id));
      measuredOf.set(route.id, { code: readFileSync(outfile, 'utf8'), packages: byPackage(metafile).map(([name]) => name) });
    }
  }, 300_000);

  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  describe.each(routes.map((route) => [route.id, `incr-prod-${route.id}`, route] as const))('%s', (_, functionName, route) => {
    const bundle = () => {
      const found = bundleOf.get(functionName);
      if (!found) throw new Error(`no index.mjs was bundled for ${functionName}`);
      return found;
    };
    const measured = () => measuredOf.get(route.id)!;
    const digest = (code: string) => createHash('sha256').update(code).digest('hex');

    it('is byte for byte the bundle npm run bench:functions measures', () => {
      expect(digest(measured().code)).toBe(digest(bundle().code));
    });

    it(`stays within its size budget: ${functionBudgetBytes / 1024} KB minified`, () => {
      expect(Buffer.byteLength(bundle().code)).toBeLessThanOrEqual(functionBudgetBytes);
    });

    it('bundles only the AWS parts a function uses: credentials from the environment, the Secrets Manager call only to read the IP-hash secret', () => {
      const { packages, code } = measured();
      expect(packages.filter((name) => /credential-provider|@aws-sdk\/(nested-clients|token-providers|client-secrets-manager)/.test(name))).toEqual([]);
      // The operation lambdas/shared/secrets-manager.ts signs.
      expect(code.includes('secretsmanager.GetSecretValue')).toBe(route.readsIpHashSecret === true);
    });

    it('is an ES module exporting handler, with the require shim for bundled CommonJS', () => {
      expect(bundle().exports).toEqual(['handler']);
      expect(bundle().code.startsWith(requireShim)).toBe(true);
    });

    it('is minified', () => {
      // Minified esbuild output only breaks lines inside template literals; readable output has dozens per kB.
      const { code } = bundle();
      expect(code.split('\n').length).toBeLessThan(10 + code.length / 1000);
    });

    it('bundles every package, the AWS SDK included, and imports only Node.js built-ins', () => {
      expect(bundle().imports.filter((imported) => !isBuiltin(imported))).toEqual([]);
    });
  });

  it.each(routes.filter((route) => route.packageFiles).map((route) => [route.id, route] as const))(
    'ships the package files %s reads at run time, where its bundle finds them',
    async (_, route) => {
      const { directory } = bundleOf.get(`incr-prod-${route.id}`)!;
      for (const file of route.packageFiles!) expect(existsSync(join(directory, 'node_modules', file)), file).toBe(true);
      // Loading the bundle resolves and reads them: it fails here if they are not where the function looks.
      const { handler } = (await import(pathToFileURL(join(directory, 'index.mjs')).href)) as { handler: unknown };
      expect(typeof handler).toBe('function');
    },
  );
});
