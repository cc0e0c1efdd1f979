import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { testClock } from '../clock.ts';
import { createTestOwner, type TestOwner, useLocalApi } from '../helpers.ts';

/** What callers see when DynamoDB throttles or fails: the answers their fail-open/closed logic keys on. */
const api = useLocalApi();
let owner: TestOwner;
let dynamodb: ReturnType<typeof mockClient>;
const body = { subject: 'f', metric: 'calls', cost: 1 };

beforeAll(async () => {
  // Pinned for the whole file: the 5 s caches warmed here must stay warm however slow the runner is.
  testClock.pin(testClock.at(60_000));
  owner = await createTestOwner('faults', 'bulk');
  await api.call(owner.adminKey, 'POST', '/v1/metrics', { metric: 'calls', limit: 10 });
  await api.call(owner.useKey, 'POST', '/v1/check-consume', body); // key, plan and configuration now cached
  dynamodb = mockClient(DynamoDBDocumentClient);
});
afterEach(() => {
  dynamodb.reset();
});

describe('quota routes when DynamoDB fails', () => {
  it('check-consume answers 503 service_unavailable (retryable) when DynamoDB throttles', async () => {
    dynamodb.on(UpdateCommand).rejects(new ProvisionedThroughputExceededException({ message: 'Rate exceeded', $metadata: {} }));
    const response = await api.call(owner.useKey, 'POST', '/v1/check-consume', body);
    expect(response).toMatchObject({ status: 503, body: { error: { code: 'service_unavailable' } } });
    expect(response.headers.get('retry-after')).toBe('1');
  });

  it('answers 500 internal_error without internals on an unknown failure', async () => {
    dynamodb.on(UpdateCommand).rejects(new Error('ValidationException: The provided key element does not match the schema'));
    expect(await api.call(owner.useKey, 'POST', '/v1/check-consume', body)).toMatchObject({
      status: 500,
      body: { error: { code: 'internal_error', message: 'Internal server error' } },
    });
  });

  it('/v1/health answers 500 {"status":"error"} when DynamoDB does not answer', async () => {
    dynamodb.on(GetCommand).rejects(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    const response = await api.fetch('/v1/health');
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ status: 'error' });
    expect((await api.fetch('/health')).status).toBe(200);
  });
});
