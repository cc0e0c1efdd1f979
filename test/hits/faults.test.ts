import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { getFrom, uniqueName, useLocalApi } from '../helpers.ts';
import { parseXml } from './xml.ts';

/** What DynamoDB Local cannot produce on demand: throttling, outages and odd failures. */
const api = useLocalApi();
const dynamodb = mockClient(DynamoDBDocumentClient);
const get = (path: string) => getFrom(`${api.url}${path}`, '127.0.0.2');
const throttled = () => new ProvisionedThroughputExceededException({ message: 'Rate exceeded', $metadata: {} });
const addsTo = (attribute: string) => ({ ExpressionAttributeNames: { '#attribute': attribute } });
const counted = { Attributes: { visit: 5, visitor: 2 } };
// The visitor's marker is refreshed by an UpdateItem that returns the marker as it was: none for a new visitor.
const marker = { ExpressionAttributeNames: { '#firstVisitAt': 'firstVisitAt' } };
const newVisitor = {};
// A throttled counter is marked for sharding (lambdas/shared/sharded-counter.ts) by an UpdateItem of its own.
const marking = { ExpressionAttributeNames: { '#shards': 'shards' } };
const returningVisitor = { Attributes: { firstVisitAt: 1, expiresAt: 4_000_000_000 } };

// A container remembers a throttled counter for a minute (lambdas/shared/sharded-counter.ts): each test has its own.
let page = '';
beforeEach(() => {
  page = uniqueName('page');
});

afterEach(() => {
  dynamodb.reset();
});

describe('hits when DynamoDB fails', () => {
  it('answers 503 in JSON with Retry-After when DynamoDB throttles', async () => {
    dynamodb.on(UpdateCommand).rejects(throttled());
    const response = await get(`/hits/site.example/${page}`);
    expect(response.status).toBe(503);
    expect(JSON.parse(response.text)).toEqual({ error: 'Service temporarily unavailable, please retry' });
    expect(response.headers.get('retry-after')).toBe('1');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('cache-control')).toBe('max-age=0, no-cache, no-store, must-revalidate');
  });

  it('answers 503 as an error image to an image request', async () => {
    dynamodb.on(GetCommand).rejects(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }));
    const response = await get(`/hits/site.example/${page}.svg?mode=read&theme=segment`);
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(response.headers.get('retry-after')).toBe('1');
    expect(parseXml(response.text).attributes['aria-label']).toBe('error: Service temporarily unavailable, please retry');
  });

  it('answers 500 without internals on an unknown failure, in JSON and as an image', async () => {
    dynamodb.on(GetCommand).rejects(new Error('ValidationException: secret table layout at /var/task/index.mjs:1:2'));
    const json = await get(`/hits/site.example/${page}?mode=read`);
    expect(json.status).toBe(500);
    expect(JSON.parse(json.text)).toEqual({ error: 'Internal server error' });
    const image = await get(`/hits/site.example/${page}.svg?mode=read`);
    expect(image.status).toBe(500);
    expect(parseXml(image.text).attributes['aria-label']).toBe('error: Internal server error');
    for (const text of [json.text, image.text]) expect(text).not.toMatch(/ValidationException|index\.mjs|at \//);
  });

  it('releases the marker of a new visitor whose visitor count failed, so their next hit counts them', async () => {
    dynamodb.on(UpdateCommand, marker).resolves(newVisitor);
    dynamodb.on(UpdateCommand, addsTo('visit')).resolves(counted);
    dynamodb.on(UpdateCommand, addsTo('visitor')).rejects(throttled());
    dynamodb.on(UpdateCommand, marking).rejects(throttled());
    expect((await get(`/hits/site.example/${page}`)).status).toBe(503);
    const [claim] = dynamodb.commandCalls(UpdateCommand, marker);
    const [release] = dynamodb.commandCalls(DeleteCommand);
    expect(release?.args[0].input.Key).toEqual(claim!.args[0].input.Key);
    expect(String(release?.args[0].input.Key?.pk)).toMatch(new RegExp(`^hits-visitor#site\\.example#${page}#`));
  });

  it('releases the marker too when the visit count failed, and still answers 503 if the release fails', async () => {
    dynamodb.on(UpdateCommand).rejects(throttled());
    dynamodb.on(UpdateCommand, marker).resolves(newVisitor);
    dynamodb.on(DeleteCommand).rejects(throttled());
    const response = await get(`/hits/site.example/${page}.svg`);
    expect(response.status).toBe(503);
    expect(dynamodb.commandCalls(DeleteCommand)).toHaveLength(1);
  });

  it('keeps the marker of a returning visitor, whatever fails', async () => {
    dynamodb.on(UpdateCommand).rejects(new Error('odd'));
    dynamodb.on(UpdateCommand, marker).resolves(returningVisitor);
    expect((await get(`/hits/site.example/${page}`)).status).toBe(500);
    expect(dynamodb.commandCalls(DeleteCommand)).toHaveLength(0);
  });

  it('answers 503 when the marker cannot be written, and counts a returning visitor normally', async () => {
    dynamodb.on(UpdateCommand, addsTo('visit')).resolves(counted);
    dynamodb.on(UpdateCommand, marker).rejects(throttled());
    expect((await get(`/hits/site.example/${page}`)).status).toBe(503);
    dynamodb.on(UpdateCommand, marker).resolves(returningVisitor);
    const response = await get(`/hits/site.example/${page}`);
    expect({ status: response.status, body: JSON.parse(response.text) }).toEqual({ status: 200, body: { visit: 5, visitor: 2 } });
  });
});
