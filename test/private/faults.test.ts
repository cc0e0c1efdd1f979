import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { testClock } from '../clock.ts';
import { bearer, createTestOwner, getJson, useLocalApi } from '../helpers.ts';

/** Throttling and unknown failures behind an API key, which DynamoDB Local cannot produce on demand. */
const api = useLocalApi();
let owner: Awaited<ReturnType<typeof createTestOwner>>;
let dynamodb: ReturnType<typeof mockClient>;

beforeAll(async () => {
  // Pinned for the whole file: the 5 s caches warmed here must stay warm however slow the runner is.
  testClock.pin(testClock.at(60_000));
  owner = await createTestOwner();
  const response = await api.fetch('/v1/counters/warm', bearer(owner.useKey)); // verify the key before DynamoDB is mocked
  await response.arrayBuffer();
  dynamodb = mockClient(DynamoDBDocumentClient);
});
afterEach(() => {
  dynamodb.reset();
});

describe('private routes when DynamoDB fails', () => {
  it('answers 503 service_unavailable when DynamoDB throttles', async () => {
    dynamodb.on(UpdateCommand).rejects(new ProvisionedThroughputExceededException({ message: 'Rate exceeded', $metadata: {} }));
    const response = await getJson(api.fetch('/v1/counters/x/increment', bearer(owner.useKey, { method: 'POST', body: {} })));
    expect(response).toMatchObject({ status: 503, body: { error: { code: 'service_unavailable' } } });
    expect(response.headers.get('retry-after')).toBe('1');
  });

  it('answers 500 internal_error without internals on an unknown failure, in each family shape', async () => {
    dynamodb.on(GetCommand).rejects(new Error('SerializationException at /var/task/index.mjs:1'));
    const v1 = await api.fetch('/v1/counters/x', bearer(owner.useKey));
    expect(v1.status).toBe(500);
    expect(await v1.json()).toEqual({ error: { code: 'internal_error', message: 'Internal server error' } });
    const requiems = await api.fetch('/v1/misc/counter/x', { headers: { 'requiems-api-key': owner.useKey } });
    expect(requiems.status).toBe(500);
    expect(await requiems.json()).toEqual({ error: 'internal_error', message: 'Internal server error' });
  });
});
