import type { BuildOptions } from 'esbuild';
import { type BundlingOptions, LogLevel, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';

/**
 * How every function is bundled, in esbuild's terms: the stack hands these to NodejsFunction
 * (lib/incr-function.ts) and `npm run bench:functions` builds with them directly, so the bundle the
 * benchmark measures is the one that is deployed.
 */
export const functionBuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  minify: true,
  mainFields: ['module', 'main'],
  treeShaking: true,
  // Relative to the repository root, where both the stack's esbuild and the benchmark's run.
  alias: {
    '@aws-sdk/credential-provider-node': './lib/bundled-credentials.ts',
    '@smithy/core/event-streams': './lib/bundled-event-streams.ts',
    '@aws-sdk/middleware-endpoint-discovery': './lib/bundled-endpoint-discovery.ts',
    '@aws/lambda-invoke-store': './lib/bundled-invoke-store.ts',
  },
  // Some bundled CommonJS dependencies call `require`, which ES modules do not define.
  banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" },
} as const satisfies BuildOptions;

/** The same options as NodejsFunction's bundling props (it runs the esbuild CLI with them). */
export const functionBundling = {
  format: OutputFormat.ESM,
  target: functionBuildOptions.target,
  minify: functionBuildOptions.minify,
  sourceMap: false,
  // esbuild's size report for each of the functions would bury `cdk synth`'s own output; warnings still show.
  logLevel: LogLevel.WARNING,
  mainFields: [...functionBuildOptions.mainFields],
  // The runtime ships an AWS SDK, but bundling our pinned version keeps behaviour identical
  // to the tests and lets esbuild drop the parts of the SDK we do not use.
  externalModules: [],
  esbuildArgs: {
    '--tree-shaking': String(functionBuildOptions.treeShaking),
    '--alias': Object.entries(functionBuildOptions.alias).map(([from, to]) => `${from}=${to}`),
  },
  banner: functionBuildOptions.banner.js,
} satisfies BundlingOptions;
