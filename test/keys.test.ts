import { describe, expect, it } from 'vitest';
import * as keys from '../lambdas/shared/keys.ts';

const own = 'own_0123456789abcdef';

describe('the data model (lambdas/shared/keys.ts)', () => {
  it('has no prefix that starts another one, so a dynamodb:LeadingKeys grant of one never reaches another', () => {
    const prefixes = Object.values(keys.keyPrefixes);
    expect(new Set(prefixes).size).toBe(prefixes.length);
    for (const prefix of prefixes) expect(prefixes.filter((other) => other !== prefix && other.startsWith(prefix))).toEqual([]);
  });

  it('keeps the byte layout of the keys already stored', () => {
    const pks = (key: Record<string, string>) => [key.pk, key.sk];
    expect(pks(keys.countapiCounterKey({ namespace: 'default', key: 'orders' }))).toEqual(['countapi#default#orders', 'counter']);
    expect(pks(keys.countapiCounterShardKey({ namespace: 'default', key: 'orders' }, 7))).toEqual(['countapi#default#orders#7', 'shard']);
    expect(pks(keys.hitCounterShardKey({ id: 'site.example', resource: 'home' }, 15))).toEqual(['hits#site.example#home#15', 'shard']);
    expect(pks(keys.countapiStatsShardKey(3))).toEqual(['countapi-stats#3', 'stats']);
    expect(pks(keys.hitCounterKey({ id: 'site.example', resource: 'home' }))).toEqual(['hits#site.example#home', 'counter']);
    expect(pks(keys.hitVisitorKey({ id: 'site.example', resource: 'home' }, 'aB-_'))).toEqual(['hits-visitor#site.example#home#aB-_', 'visitor']);
    expect(pks(keys.windowKey(keys.publicCreationPartition('aB-_'), { kind: 'second', startMs: 1000 }))).toEqual([
      'ratelimit#public-create#aB-_',
      'window#second#1000',
    ]);
    expect(pks(keys.apiKeyLookupKey('ab12'))).toEqual(['apikey#ab12', 'apikey']);
    expect(pks(keys.ownerKey(own))).toEqual([`owner#${own}`, 'owner']);
    expect(pks(keys.apiKeyListingKey(own, 'key_1'))).toEqual([`owner#${own}`, 'key#key_1']);
    expect(pks(keys.metricKey(own, 'api_calls'))).toEqual([`owner#${own}`, 'metric#api_calls#']);
    expect(pks(keys.overrideKey(own, 'api_calls', 'user#1'))).toEqual([`owner#${own}`, 'override#api_calls#user#1']);
    expect(pks(keys.ownerCounterKey(keys.ownerCountersPrefix('counters', own), 'credits:u_1'))).toEqual([`counters#${own}#credits:u_1`, 'counter']);
    expect(pks(keys.ownerCounterKey(keys.ownerCountersPrefix('misc', own), 'visits'))).toEqual([`misc#${own}#visits`, 'counter']);
    expect(keys.quotaSubjectPartition(own, 'api_calls', 'user#1')).toBe(`quota#${own}#api_calls#user#1`);
    expect(keys.accountPartition(own, 'month')).toBe(`account#${own}#month`);
    expect(pks(keys.idempotencyRecordKey(own, 'order#1'))).toEqual([`idempotency#${own}#order#1`, 'record']);
    expect(pks(keys.decisionLogKey(own, 1795350000000, 'beef'))).toEqual([`decisions#${own}`, '001795350000000#beef']);
  });

  it('cannot let a free-text metric name borrow the subject part', () => {
    expect(keys.quotaSubjectPartition(own, 'a#b', 'c')).not.toBe(keys.quotaSubjectPartition(own, 'a', 'b#c'));
    expect(keys.overrideKey(own, 'a#b', 'c')).not.toEqual(keys.overrideKey(own, 'a', 'b#c'));
    expect(keys.overridesSortKeyPrefix('a#b')).not.toBe(keys.overridesSortKeyPrefix('a'));
    expect(keys.quotaSubjectPartition(own, 'a%23b', 'c')).not.toBe(keys.quotaSubjectPartition(own, 'a#b', 'c'));
  });
});
