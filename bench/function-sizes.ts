import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { loadCdkJsonConfig } from '../lib/config.ts';
import { functionBuildOptions } from '../lib/function-bundling.ts';
import { functionEnvironment } from '../lib/function-environment.ts';
import { type Route, routes } from '../lib/routes.ts';

/**
 * What each function costs a cold start: its bundle, built with the stack's own esbuild options
 * (lib/function-bundling.ts), minified and gzipped, and the median time its module takes to import,
 * each import in a fresh Node process with the environment the stack gives that function. Prints
 * figures; the size budget test is in test/bundling.test.ts.
 *
 * `npm run bench:functions -- [imports per function] [route id...]`
 */

const repositoryRoot = fileURLToPath(new URL('../', import.meta.url));

/** The goal for every function's minified bundle (docs/cold-starts.md). */
export const functionBudgetBytes = 250 * 1024;

/** The deploy settings of cdk.json, as the stack reads them. */
const deployConfig = loadCdkJsonConfig();

/** A Lambda function's environment: the stack's variables, and those Lambda itself sets. Nothing here reaches AWS. */
const lambdaEnvironment = (route: Route, home: string): Record<string, string> => ({
  ...(functionEnvironment(
    { ...deployConfig, stage: 'prod' },
    { tableName: 'incr-prod-table', ipHashSecret: { arn: 'arn:aws:secretsmanager:us-east-1:000000000000:secret:incr-ip-hash' } },
    route,
  ) as Record<string, string>),
  AWS_REGION: 'us-east-1',
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  AWS_SESSION_TOKEN: 'bench',
  AWS_LAMBDA_FUNCTION_NAME: `incr-prod-${route.id}`,
  AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '256',
  AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
  // Lambda runs Node 24; this machine's Node 20 would make the SDK print a warning at load.
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  // An empty home, so no shared AWS config of this machine is found.
  HOME: home,
  PATH: process.env.PATH ?? '',
});

/** Bundles the route's entry as the stack does, with the files the stack copies next to it. */
export const bundleFunction = async (route: Route, directory: string) => {
  const outfile = join(directory, 'index.mjs');
  const { metafile } = await build({ ...functionBuildOptions, entryPoints: [join(repositoryRoot, route.entry)], outfile, absWorkingDir: repositoryRoot, metafile: true, logLevel: 'error' });
  for (const file of route.packageFiles ?? []) {
    mkdirSync(join(directory, 'node_modules', dirname(file)), { recursive: true });
    cpSync(join(repositoryRoot, 'node_modules', file), join(directory, 'node_modules', file));
  }
  const code = readFileSync(outfile);
  return { outfile, metafile, minified: code.length, gzipped: gzipSync(code).length };
};

const importScript = `const start = performance.now(); await import(process.argv[1]); console.log('import-ms:' + (performance.now() - start));`;

/** One cold import: a new Node process loads the bundle and reports how long its import took. */
const coldImport = (outfile: string, environment: Record<string, string>): number => {
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', importScript, pathToFileURL(outfile).href], { env: environment, encoding: 'utf8' });
  const figure = /import-ms:([\d.]+)/.exec(output)?.[1];
  if (figure === undefined) throw new Error(`the import of ${outfile} reported no time:\n${output}`);
  return Number(figure);
};

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** The inputs that make up most of a bundle, by their bytes in the minified output. */
const biggestInputs = (metafile: Metafile, count: number) =>
  Object.values(metafile.outputs)
    .flatMap((output) => Object.entries(output.inputs))
    .map(([input, { bytesInOutput }]) => ({ input, bytesInOutput }))
    .sort((a, b) => b.bytesInOutput - a.bytesInOutput)
    .slice(0, count);

/** Groups a bundle's inputs by package (or by source folder), for a readable breakdown. */
export const byPackage = (metafile: Metafile) => {
  const sizes = new Map<string, number>();
  for (const { input, bytesInOutput } of biggestInputs(metafile, Number.POSITIVE_INFINITY)) {
    const packageName = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? dirname(input);
    sizes.set(packageName, (sizes.get(packageName) ?? 0) + bytesInOutput);
  }
  return [...sizes].sort((a, b) => b[1] - a[1]);
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const [runsArgument, ...routeIds] = process.argv.slice(2);
  const runs = Number(runsArgument ?? 11);
  const measured = routeIds.length > 0 ? routes.filter((route) => routeIds.includes(route.id)) : routes;
  const workDirectory = mkdtempSync(join(tmpdir(), 'incr-bench-functions-'));
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  try {
    const results = [];
    console.log(`| Function | Minified KB | Gzipped KB | Median import ms (${runs} cold imports) |\n| --- | ---: | ---: | ---: |`);
    for (const route of measured) {
      const directory = join(workDirectory, route.id);
      const bundled = await bundleFunction(route, directory);
      const environment = lambdaEnvironment(route, directory);
      const importMs = median(Array.from({ length: runs }, () => coldImport(bundled.outfile, environment)));
      results.push({ route, ...bundled, importMs });
      console.log(`| ${route.id} | ${kb(bundled.minified)} | ${kb(bundled.gzipped)} | ${importMs.toFixed(1)} |`);
    }
    const largest = results.reduce((a, b) => (b.minified > a.minified ? b : a));
    console.log(`\nLargest bundle: ${largest.route.id}, ${kb(largest.minified)} KB minified. By package:`);
    for (const [name, bytes] of byPackage(largest.metafile).slice(0, 15)) console.log(`  ${kb(bytes).padStart(6)} KB  ${name}`);
    console.log('Biggest inputs:');
    for (const { input, bytesInOutput } of biggestInputs(largest.metafile, 15)) console.log(`  ${kb(bytesInOutput).padStart(6)} KB  ${input.replace(/^.*?node_modules\//, "")}`);
    const overGoal = results.filter((result) => result.minified > functionBudgetBytes).length;
    console.log(`\nLargest: ${kb(largest.minified)} KB minified; ${overGoal} of ${results.length} over the ${kb(functionBudgetBytes)} KB goal; slowest median import: ${Math.max(...results.map((result) => result.importMs)).toFixed(1)} ms`);
  } finally {
    rmSync(workDirectory, { recursive: true, force: true });
  }
}
