import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { getJson, useLocalApi } from '../helpers.ts';

/** What DynamoDB Local cannot produce on demand: throttling, outages and odd failures. */
const api = useLocalApi();
const dynamodb = mockClient(DynamoDBDocumentClient);
const get = (path: string) => getJson(api.fetch(path));

afterEach(() => {
  dynamodb.reset();
});

describe('CountAPI when DynamoDB fails', () => {
  it('answers 503 with a JSON error and Retry-After when DynamoDB throttles', async () => {
    dynamodb.on(UpdateCommand).rejects(new ProvisionedThroughputExceededException({ message: 'Rate exceeded', $metadata: {} }));
    const response = await get('/hit/site.example/visits');
    expect(response).toMatchObject({ status: 503, body: { error: 'Service temporarily unavailable, please retry' } });
    expect(response.headers.get('retry-after')).toBe('1');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers 503 when DynamoDB cannot be reached', async () => {
    dynamodb.on(GetCommand).rejects(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }));
    expect((await get('/get/site.example/visits')).status).toBe(503);
  });

  it('answers 500 without internals on an unknown failure', async () => {
    dynamodb.on(GetCommand).rejects(new Error('ValidationException: secret table layout at /var/task/index.mjs:1:2'));
    const response = await api.fetch('/info/site.example/visits');
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(JSON.parse(text)).toEqual({ error: 'Internal server error' });
    expect(text).not.toMatch(/ValidationException|index\.mjs|at /);
  });

  it('still answers JSONP with status 200 and the 503 inside', async () => {
    dynamodb.on(UpdateCommand).rejects(new ProvisionedThroughputExceededException({ message: 'Rate exceeded', $metadata: {} }));
    const response = await api.fetch('/hit/site.example/visits?callback=cb');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('cb({"error":"Service temporarily unavailable, please retry","status":503});');
  });
});
