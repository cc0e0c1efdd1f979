/**
 * What the bundled functions get in place of `@aws-sdk/middleware-endpoint-discovery`
 * (lib/function-bundling.ts swaps it for this module). The DynamoDB client resolves an endpoint
 * discovery configuration, with an LRU endpoint cache, for the operations that discover their
 * endpoint; none of DynamoDB's operations does (no command adds the discovery plugin), yet the
 * cache and its LRU library would be bundled into every function. A bundled command that gains the
 * plugin imports `getEndpointDiscoveryPlugin`, which this module lacks: esbuild then fails the build.
 */
export const NODE_ENDPOINT_DISCOVERY_CONFIG_OPTIONS = {
  environmentVariableSelector: () => undefined,
  configFileSelector: () => undefined,
  default: undefined,
};

export const resolveEndpointDiscoveryConfig = <Input extends object>(input: Input): Input => input;
