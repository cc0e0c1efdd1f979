/**
 * What the bundled functions get in place of `@smithy/core/event-streams` (lib/function-bundling.ts
 * swaps it for this module). The SDK loads event-stream support lazily, only for an operation with
 * an event-stream member; DynamoDB and Secrets Manager have none, yet esbuild would bundle it into
 * every function. Reaching this module means a bundled client gained such an operation.
 */
const unbundled = 'event streams are not bundled: no operation of the bundled AWS clients has one';

export function EventStreamSerde(): never {
  throw new Error(unbundled);
}

export function eventStreamSerdeProvider(): never {
  throw new Error(unbundled);
}
