import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // DynamoDB Local and the CDK synth are CPU-heavy on two cores: one worker per core is plenty.
    maxWorkers: 2,
    // Spies and stubbed variables are undone before the next test, so files need no afterEach for them; test/clock.ts pins are no vitest mock, files that pin reset them.
    restoreMocks: true,
    unstubEnvs: true,
    // The SDK's warning about Node versions it will drop is noise here: the suite runs on Node 24 (.nvmrc), as the functions do in AWS.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
