import { describe, expect, it } from 'vitest';
import { getJson, parallel, useTwoOwners, uniqueName, useLocalApi } from '../helpers.ts';

const api = useLocalApi();
const owners = useTwoOwners();

const requiems = (method: string, namespace: string, key = owners.owner.useKey) =>
  getJson(api.fetch(`/v1/misc/counter/${namespace}`, { method, headers: { 'requiems-api-key': key } }));

describe('namespace counter API (Requiems-compatible)', () => {
  it('increments with POST and reads with GET, 0 when it never existed', async () => {
    const namespace = uniqueName('page-views');
    expect(await requiems('GET', namespace)).toMatchObject({ status: 200, body: { namespace, value: 0 } });
    expect(await requiems('POST', namespace)).toMatchObject({ status: 200, body: { namespace, value: 1 } });
    expect((await requiems('POST', namespace)).body).toEqual({ namespace, value: 2 });
    expect((await requiems('GET', namespace)).body).toEqual({ namespace, value: 2 });
  });

  it('accepts the key as a Bearer token too', async () => {
    const namespace = uniqueName();
    const response = await getJson(api.fetch(`/v1/misc/counter/${namespace}`, { method: 'POST', headers: { authorization: `Bearer ${owners.owner.useKey}` } }));
    expect(response.body).toEqual({ namespace, value: 1 });
  });

  it('counts exactly under concurrency', async () => {
    const namespace = uniqueName();
    await parallel(60, () => requiems('POST', namespace));
    expect((await requiems('GET', namespace)).body).toEqual({ namespace, value: 60 });
  });

  it('keeps namespaces private to their owner', async () => {
    const namespace = uniqueName('downloads');
    await requiems('POST', namespace);
    expect((await requiems('GET', namespace, owners.other.useKey)).body).toEqual({ namespace, value: 0 });
  });

  it.each(['a'.repeat(65), 'has.dot', 'colon:x', 'sp%20ace'])('refuses the namespace %s with Requiems\' 400', async (namespace) => {
    expect(await requiems('POST', namespace)).toEqual(
      expect.objectContaining({
        status: 400,
        body: { error: 'bad_request', message: 'Invalid namespace: must be 1–64 chars, alphanumeric, hyphen or underscore only' },
      }),
    );
  });

  it('accepts 1 and 64 characters', async () => {
    expect((await requiems('POST', 'a')).status).toBe(200);
    expect((await requiems('POST', 'Z'.repeat(64))).status).toBe(200);
  });

  it('answers 401 without a valid key', async () => {
    expect(await requiems('GET', 'x', 'ck_use_live_nope')).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
  });
});
