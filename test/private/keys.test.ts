import { afterEach, describe, expect, it } from 'vitest';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { testClock } from '../clock.ts';
import { documentClient } from '../../lambdas/shared/dynamodb.ts';
import { tableName } from '../../lambdas/shared/table.ts';
import { invalidKeyMessage, keyCacheMs } from '../../lambdas/shared/authenticate.ts';
import { createTestOwner, getJson, useTwoOwners, uniqueName, useLocalApi } from '../helpers.ts';

const api = useLocalApi();
const owners = useTwoOwners();
afterEach(() => {
  testClock.reset();
});

const { call } = api;
const counterValue = async (key: string) => (await call(key, 'GET', '/v1/counters/probe')).status;

describe('API keys', () => {
  it('creates keys shown once, in a recognisable format, and lists them without the key', async () => {
    const created = await call(owners.owner.adminKey, 'POST', '/v1/keys', { kind: 'use', name: 'billing service' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      keyId: expect.stringMatching(/^key_[0-9a-f]{16}$/),
      kind: 'use',
      name: 'billing service',
      key: expect.stringMatching(/^ck_use_live_[0-9a-f]{40}$/),
      prefix: (created.body.key as string).slice(0, 16),
      createdAt: expect.any(Number),
    });
    expect(await counterValue(created.body.key as string)).toBe(200);

    const admin = await call(owners.owner.adminKey, 'POST', '/v1/keys', { kind: 'admin' });
    expect(admin.body.key).toMatch(/^ck_admin_live_[0-9a-f]{40}$/);

    const listed = await call(owners.owner.adminKey, 'GET', '/v1/keys');
    const keys = listed.body.keys as Record<string, unknown>[];
    expect(keys.map(({ keyId }) => keyId)).toEqual(expect.arrayContaining([created.body.keyId, admin.body.keyId, owners.owner.useKeyId]));
    expect(JSON.stringify(listed.body)).not.toContain(created.body.key);
    expect(keys.every((key) => !('key' in key) && !('keyHash' in key))).toBe(true);
  });

  it('lists keys page by page, each once, and refuses a forged cursor', async () => {
    const owner = await createTestOwner('key-pager');
    const created = await Promise.all([1, 2, 3].map(async () => (await call(owner.adminKey, 'POST', '/v1/keys', { kind: 'use' })).body.keyId as string));
    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const { status, body } = await call(owner.adminKey, 'GET', `/v1/keys?limit=2${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`);
      expect(status).toBe(200);
      pages.push((body.keys as { keyId: string }[]).map(({ keyId }) => keyId));
      cursor = body.nextCursor as string | null;
      expect(cursor === null || typeof cursor === 'string').toBe(true);
    } while (cursor !== null);
    expect(pages.map((page) => page.length)).toEqual([2, 2, 1]); // the bootstrap admin key, the use key, three more
    expect(pages.flat()).toEqual(expect.arrayContaining([...created, owner.useKeyId]));
    expect(new Set(pages.flat()).size).toBe(5);
    expect(pages.flat()).toEqual([...pages.flat()].sort()); // key-id order
    expect(await call(owner.adminKey, 'GET', '/v1/keys?cursor=%00')).toMatchObject({
      status: 400,
      body: { error: { code: 'validation_error', details: { cursor: "cursor must be a previous page's nextCursor" } } },
    });
  });

  it('stores keys only as SHA-256 hashes', async () => {
    const created = await call(owners.owner.adminKey, 'POST', '/v1/keys', { kind: 'use' });
    const secretPart = (created.body.key as string).slice(16);
    const { Items = [] } = await documentClient.send(new ScanCommand({ TableName: tableName() }));
    const everything = JSON.stringify(Items);
    for (const key of [created.body.key as string, owners.owner.adminKey, owners.owner.useKey]) expect(everything).not.toContain(key);
    expect(everything).not.toContain(secretPart);
    const { createHash } = await import('node:crypto');
    expect(everything).toContain(createHash('sha256').update(created.body.key as string).digest('hex'));
  });

  it('revokes a key: it fails once the documented delay has passed', async () => {
    const startMs = Date.UTC(2030, 10, 22, 15);
    testClock.pin(startMs);
    const created = await call(owners.owner.adminKey, 'POST', '/v1/keys', { kind: 'use' });
    const key = created.body.key as string;
    expect(await counterValue(key)).toBe(200); // verified and cached in this container
    const revoked = await call(owners.owner.adminKey, 'DELETE', `/v1/keys/${created.body.keyId}`);
    expect(revoked).toMatchObject({ status: 200, body: { keyId: created.body.keyId, revokedAt: startMs, effectiveWithinSeconds: keyCacheMs / 1000 } });
    testClock.pin(startMs + keyCacheMs);
    expect(await call(key, 'GET', '/v1/counters/probe')).toMatchObject({
      status: 401,
      body: { error: { code: 'unauthorized', message: invalidKeyMessage } },
    });
    const listed = await call(owners.owner.adminKey, 'GET', '/v1/keys');
    expect((listed.body.keys as Record<string, unknown>[]).find(({ keyId }) => keyId === created.body.keyId)).toMatchObject({ revokedAt: startMs });
    expect((await call(owners.owner.adminKey, 'DELETE', `/v1/keys/${created.body.keyId}`)).body).toMatchObject({ effectiveWithinSeconds: 0 });
  });

  it('a revoked admin key cannot mint a new key, even while this container still trusts it', async () => {
    testClock.pin(Date.UTC(2030, 10, 22, 16));
    const admin = (await call(owners.owner.adminKey, 'POST', '/v1/keys', { kind: 'admin', name: 'to-revoke' })).body;
    const countKeys = async () => ((await call(owners.owner.adminKey, 'GET', '/v1/keys')).body.keys as unknown[]).length;
    expect((await call(admin.key as string, 'GET', '/v1/keys')).status).toBe(200); // verified and cached in this container
    await call(owners.owner.adminKey, 'DELETE', `/v1/keys/${admin.keyId}`);
    const before = await countKeys();
    for (const kind of ['admin', 'use']) {
      expect(await call(admin.key as string, 'POST', '/v1/keys', { kind })).toMatchObject({
        status: 401,
        body: { error: { code: 'unauthorized', message: invalidKeyMessage } },
      });
    }
    expect(await countKeys()).toBe(before);
  });

  it('a key never seen by this container fails at once after revocation', async () => {
    const created = await call(owners.owner.adminKey, 'POST', '/v1/keys', { kind: 'use' });
    await call(owners.owner.adminKey, 'DELETE', `/v1/keys/${created.body.keyId}`);
    expect(await counterValue(created.body.key as string)).toBe(401);
  });

  it.each([
    ['no key', {}],
    ['a malformed key', { authorization: 'Bearer not-a-key' }],
    ['an empty bearer', { authorization: 'Bearer ' }],
    ['a basic scheme', { authorization: 'Basic abc' }],
    ['an unknown key', { authorization: `Bearer ck_use_live_${'0'.repeat(40)}` }],
  ])('answers 401 in the error shape for %s', async (_case, headers) => {
    const response = await getJson(api.fetch('/v1/counters/probe', { headers }));
    expect(response).toMatchObject({ status: 401, body: { error: { code: 'unauthorized', message: expect.any(String) } } });
  });

  it('keeps the kinds apart: use keys cannot manage keys, admin keys cannot count', async () => {
    expect(await call(owners.owner.useKey, 'GET', '/v1/keys')).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect(await call(owners.owner.adminKey, 'GET', '/v1/counters/probe')).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
  });

  it("keeps owners apart: an owner can neither list nor revoke another owner's keys", async () => {
    const listed = await call(owners.other.adminKey, 'GET', '/v1/keys');
    expect(JSON.stringify(listed.body)).not.toContain(owners.owner.useKeyId);
    expect(await call(owners.other.adminKey, 'DELETE', `/v1/keys/${owners.owner.useKeyId}`)).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    expect(await counterValue(owners.owner.useKey)).toBe(200);
  });

  it('validates key-management input', async () => {
    expect(await call(owners.owner.adminKey, 'POST', '/v1/keys', { kind: 'root' })).toMatchObject({
      status: 400,
      body: { error: { code: 'validation_error', details: { kind: "kind must be 'use' or 'admin'" } } },
    });
    expect((await call(owners.owner.adminKey, 'POST', '/v1/keys', { name: 'x'.repeat(101) })).status).toBe(400);
    expect((await call(owners.owner.adminKey, 'DELETE', `/v1/keys/${uniqueName()}`)).status).toBe(400);
  });
});
