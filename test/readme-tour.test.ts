import { describe, expect, it } from 'vitest';
import { checkDocument, matchesShown, readDocument, runnableActions, useFreshServer } from './markdown-examples.ts';

/** The README's five-minute tour, run top to bottom against a first `npm start`, as a reader runs it. */

const server = useFreshServer({ ownJava: true });

describe("the README's tour", () => {
  it('touches every family, in order', async () => {
    const commands = runnableActions(await readDocument('README.md')).flatMap((action) => (action.kind === 'command' ? [action.command] : []));
    const firstUse = ['/hit/', '/hits/', '/v1/keys', '/v1/counters/', '/v1/misc/counter/', '/v1/metrics', '/v1/check-consume', '/v1/usage', 'npx tsx'].map((path) =>
      commands.findIndex((command) => command.includes(path)),
    );
    expect(firstUse.every((index) => index >= 0)).toBe(true);
    expect(firstUse).toEqual([...firstUse].sort((a, b) => a - b));
  });

  it('prints every answer it shows', async () => {
    const started = performance.now();
    const commands = await checkDocument('README.md', server);
    console.log(`README tour: ${commands} commands in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  });
});

describe('a shown answer', () => {
  const decision = '{"allowed":true,"remaining":8548,"reason":null}';
  it('is a subset of the JSON printed, with generated strings shown by their beginning', () => {
    expect(matchesShown('{"allowed":true,"remaining":8548,"reason":null,"extra":1}', decision)).toBe(true);
    expect(matchesShown('{"keyId":"key_4f1c","kind":"use"}', '{"keyId":"key_..."}')).toBe(true);
    expect(matchesShown('{"keys":[{"name":"b"},{"name":"a"}]}', '{"keys":[{"name":"a"},{"name":"b"}]}')).toBe(true);
    expect(matchesShown('<svg x="1" aria-label="3 visits"><title>', '<svg ... aria-label="3 visits">...')).toBe(true);
    // A text answer of two lines, shown as two comment lines; a padded column.
    expect(matchesShown('Created owner own_1f.\nAdmin key: ck_admin_live_2e', 'Created owner own_... Admin key: ck_admin_live_...')).toBe(true);
    expect(matchesShown('key_3a  use    active', 'key_... use active')).toBe(true);
  });

  it('fails on a wrong number, a missing field, a missing item or a different text', () => {
    expect(matchesShown('{"allowed":true,"remaining":null,"reason":null}', decision)).toBe(false);
    expect(matchesShown('{"visit":2,"visitor":1}', '{"visit":1,"visitor":1}')).toBe(false);
    expect(matchesShown('{"allowed":true}', decision)).toBe(false);
    expect(matchesShown('{"keys":[{"name":"a"}]}', '{"keys":[{"name":"a"},{"name":"a"}]}')).toBe(false);
    expect(matchesShown('{"keyId":"own_4f1c"}', '{"keyId":"key_..."}')).toBe(false);
    expect(matchesShown('not json', decision)).toBe(false);
    expect(matchesShown('<svg aria-label="4 visits">', '<svg ... aria-label="3 visits">...')).toBe(false);
    expect(matchesShown('key_3a  admin  active', 'key_... use active')).toBe(false);
    expect(matchesShown('Created owner own_1f.', 'Createdowner own_...')).toBe(false);
  });
});
