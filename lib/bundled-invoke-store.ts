/**
 * What the bundled functions get in place of `@aws/lambda-invoke-store` (lib/function-bundling.ts
 * swaps it for this module). The SDK's recursion-detection middleware asks it for the invocation's
 * X-Ray trace id, and falls back to `_X_AMZN_TRACE_ID`. The library answers with the store the
 * Lambda runtime publishes as `globalThis.awslambda.InvokeStore` when there is one; without it, it
 * makes an empty store of its own, which knows no trace id either. So the runtime's store, or none,
 * is all it ever gives a function, for ~2 KB less in each.
 */
interface RuntimeGlobals {
  awslambda?: { InvokeStore?: unknown };
}

export const InvokeStore = {
  getInstanceAsync: async () => (globalThis as RuntimeGlobals).awslambda?.InvokeStore,
};
