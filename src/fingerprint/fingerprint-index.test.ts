import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createFingerprintIndex, fingerprintIndexFromJSON } from './fingerprint-index.js';

const fp = (template: string, bands: string[] = []) => ({ template, bands });

describe('fingerprint index', () => {
  it('counts accounts, exchanges and time span of a template and a bucket', () => {
    const index = createFingerprintIndex({ doorkeeperSlots: 1024 });
    index.add('a1', 1000, fp('t1', ['0:aa', '1:bb']));
    index.add('a2', 2000, fp('t1', ['0:aa', '1:cc']));
    index.add('a2', 3000, fp('t1', ['0:aa']));
    index.add('a3', 500, fp('t2', ['0:zz']));
    expect(index.template('t1')).toMatchObject({
      kind: 'template',
      exchanges: 3,
      accounts: 2,
      exact: true,
      firstSeen: 1000,
      lastSeen: 3000,
    });
    expect(index.template('t1')!.topAccounts).toEqual([
      { account: 'a2', exchanges: 2 },
      { account: 'a1', exchanges: 1 },
    ]);
    expect(index.bucket('0:aa')).toMatchObject({ kind: 'band', exchanges: 3, accounts: 2 });
    // keys seen once stay in the doorkeeper only
    expect(index.template('t2')).toBeNull();
    expect(index.bucket('1:bb')).toBeNull();
  });

  it('promotes a key with the accounts of both sightings, one account or two, whatever accountsPerKey', () => {
    for (const accountsPerKey of [1, 2, 32]) {
      const index = createFingerprintIndex({ doorkeeperSlots: 1024, accountsPerKey });
      index.add('a', 1000, fp('same'));
      index.add('a', 2000, fp('same'));
      index.add('a', 1000, fp('pair'));
      index.add('b', 2000, fp('pair'));
      index.add('c', 3000, fp('pair'));
      expect(index.template('same')).toMatchObject({ exchanges: 2, accounts: 1, exact: true });
      expect(index.template('same')!.topAccounts).toEqual([{ account: 'a', exchanges: 2 }]);
      const pair = index.template('pair')!;
      expect(pair).toMatchObject({ exchanges: 3, accounts: 3, exact: accountsPerKey >= 3 });
      // space-saving once full: the first weakest account's room and count go to the newcomer
      const top = { 1: 'c:3', 2: 'c:2 b:1', 32: 'a:1 b:1 c:1' }[accountsPerKey];
      expect(pair.topAccounts.map((a) => `${a.account}:${a.exchanges}`).join(' ')).toBe(top);
      expect(index.account('b').templates.map((k) => k.key)).toEqual(['pair']);
    }
  });

  it('keeps real epoch-millisecond times exactly through the doorkeeper', () => {
    const t0 = Date.parse('2026-04-22T10:11:12.345Z');
    const index = createFingerprintIndex({ doorkeeperSlots: 1024 });
    index.add('a', t0 + 5000, fp('t'));
    index.add('b', t0, fp('t'));
    expect(index.template('t')).toMatchObject({ firstSeen: t0, lastSeen: t0 + 5000, accounts: 2 });
  });

  it('tells an account which of its templates and buckets are shared with how many others', () => {
    const index = createFingerprintIndex({ doorkeeperSlots: 1024 });
    for (const account of ['a', 'b', 'c', 'd']) index.add(account, 1, fp('campaign', ['0:k']));
    index.add('a', 2, fp('own'));
    index.add('a', 3, fp('own'));
    const sharing = index.account('a');
    expect(sharing.templates).toEqual([
      { key: 'campaign', kind: 'template', exchanges: 1, otherAccounts: 3, totalExchanges: 4 },
    ]);
    expect(sharing.buckets.map((b) => [b.key, b.otherAccounts])).toEqual([['0:k', 3]]);
    expect(index.account('nobody')).toEqual({ account: 'nobody', templates: [], buckets: [] });
    expect(index.shared(2).map((k) => k.key)).toEqual(['0:k', 'campaign']);
    expect(index.shared(2, 'band').map((k) => k.key)).toEqual(['0:k']);
  });

  it('keeps heavy hitters exact and sketches the tail once a key has many accounts', () => {
    const index = createFingerprintIndex({ accountsPerKey: 8, doorkeeperSlots: 1024 });
    for (let i = 0; i < 150; i++) index.add('heavy', i, fp('t'));
    for (let i = 0; i < 500; i++) index.add(`acct-${i}`, 100 + i, fp('t'));
    const stats = index.template('t')!;
    expect(stats.exact).toBe(false);
    expect(stats.topAccounts.length).toBe(8);
    expect(stats.topAccounts[0]).toEqual({ account: 'heavy', exchanges: 150 }); // > N/k: space-saving keeps it exact
    expect(stats.accounts).toBeGreaterThan(501 * 0.8);
    expect(stats.accounts).toBeLessThan(501 * 1.2);
    expect(stats.exchanges).toBe(650);
  });

  it('gives the room of the first weakest account to the newcomer, keeping arrival order (space-saving)', () => {
    const index = createFingerprintIndex({ accountsPerKey: 3, doorkeeperSlots: 1024 });
    for (const [account, times] of [
      ['a', 3],
      ['b', 1],
      ['c', 1],
    ] as const)
      for (let i = 0; i < times; i++) index.add(account, i, fp('t'));
    index.add('d', 10, fp('t')); // b and c tie as weakest: b (first in) leaves, d inherits its count + 1
    const [[, , , , accounts]] = index.toJSON().keys;
    expect(accounts).toEqual([
      [0, 3],
      [2, 1],
      [3, 2],
    ]);
    expect(index.template('t')!.topAccounts.map((a) => a.account)).toEqual(['a', 'd', 'c']);
    expect(() => createFingerprintIndex({ accountsPerKey: 0 })).toThrow(/accountsPerKey/);
  });

  it('bounds the number of keys', () => {
    const index = createFingerprintIndex({ maxKeys: 100, doorkeeperSlots: 1 << 12 });
    for (let i = 0; i < 1000; i++) {
      index.add('x', i, fp(`t${i}`));
      index.add('y', i, fp(`t${i}`));
    }
    expect(index.stats().keys).toBeLessThanOrEqual(100);
  });

  it('drops the least shared, least used keys first, the earliest promoted among equals', () => {
    const index = createFingerprintIndex({ maxKeys: 10, doorkeeperSlots: 1 << 12 });
    // k0..k4 used by two accounts, k5..k9 by one; k5 then gets a third exchange
    for (let k = 0; k < 10; k++) {
      index.add('x', k, fp(`k${k}`));
      index.add(k < 5 ? 'y' : 'x', k, fp(`k${k}`));
    }
    index.add('x', 20, fp('k5'));
    index.add('z', 30, fp('k10'));
    index.add('z', 31, fp('k10')); // the 11th key: one of the ten is dropped (maxKeys / 10)
    const kept = index.toJSON().keys.map(([key]) => key);
    expect(kept).toEqual(['t:k0', 't:k1', 't:k2', 't:k3', 't:k4', 't:k5', 't:k7', 't:k8', 't:k9', 't:k10']);
    expect(index.template('k6')).toBeNull();
    expect(index.template('k5')).toMatchObject({ exchanges: 3, accounts: 1 });
  });

  it('finds every key after its table grows and after pruning compacts it', () => {
    const index = createFingerprintIndex({ maxKeys: 2500, doorkeeperSlots: 1 << 16 });
    for (let k = 0; k < 3000; k++) {
      index.add(`a${k % 13}`, k, fp(`t${k}`, [`0:${k}`]));
      index.add(`a${(k + 1) % 13}`, k + 1, fp(`t${k}`, k % 3 === 0 ? [`0:${k}`] : []));
    }
    const keys = index.toJSON().keys;
    expect(keys.length).toBeLessThanOrEqual(2500);
    expect(keys.length).toBe(index.stats().keys);
    for (const [key, exchanges] of keys) {
      const stats = key.startsWith('t:') ? index.template(key.slice(2)) : index.bucket(key.slice(2));
      expect(stats?.exchanges).toBe(exchanges);
    }
    expect(index.template('t2999')).toMatchObject({ exchanges: 2, accounts: 2 });
    expect(index.bucket('0:2997')).toMatchObject({ exchanges: 2, accounts: 2 });
    expect(index.bucket('0:2998')).toBeNull(); // seen once
  });

  it("keeps an account's heaviest shared keys when its list is full", () => {
    const index = createFingerprintIndex({ keysPerAccount: 3, doorkeeperSlots: 1024 });
    for (const [key, times] of [
      ['heavy', 3],
      ['light', 1],
      ['mid', 2],
    ] as const)
      for (let i = 0; i <= times; i++) index.add(i === 0 ? 'other' : 'a', i, fp(key));
    index.add('other', 10, fp('new'));
    index.add('a', 11, fp('new')); // a's list is full: 'new' replaces the weakest of the oldest, 'light'
    index.add('other', 12, fp('late'));
    index.add('a', 13, fp('late')); // then 'late' replaces 'new' (1 exchange, as weak as the newcomer)
    expect(index.account('a').templates.map((k) => `${k.key}:${k.exchanges}`)).toEqual([
      'heavy:3',
      'mid:2',
      'late:1',
    ]);
    // other's list held heavy, light and mid once each: the first of the weakest left each time
    expect(
      index
        .account('other')
        .templates.map((k) => k.key)
        .sort(),
    ).toEqual(['late', 'mid', 'new']);
  });

  it("counts on in an account's list when its key is promoted again after pruning, or restored", () => {
    const index = createFingerprintIndex({ maxKeys: 10, doorkeeperSlots: 1 << 12 });
    index.add('a', 1, fp('kept'));
    index.add('b', 2, fp('kept'));
    // ten more keys of two accounts, used later: 'kept' is the least recently used and is pruned
    for (let k = 0; k < 10; k++) for (const account of ['x', 'y']) index.add(account, 10 + k, fp(`k${k}`));
    expect(index.template('kept')).toBeNull();
    index.add('c', 30, fp('kept'));
    index.add('a', 31, fp('kept')); // promoted again: a's old line for 'kept' counts on
    expect(index.toJSON().accountKeys.find(([account]) => account === 0)?.[1]).toEqual([['t:kept', 2]]);
    const restored = fingerprintIndexFromJSON(JSON.parse(JSON.stringify(index)));
    restored.add('a', 32, fp('kept'));
    expect(restored.toJSON().accountKeys.find(([account]) => account === 0)?.[1]).toEqual([['t:kept', 3]]);
    expect(restored.account('a').templates).toEqual([
      { key: 'kept', kind: 'template', exchanges: 3, otherAccounts: 1, totalExchanges: 3 },
    ]);
  });

  it('loads a snapshot written by the Map-based index (4829a20) and answers as that code did after more exchanges', () => {
    // test-support/index-snapshot-v1.json: a small evicting index (pruned keys, HyperLogLogs, full
    // account lists) saved by the earlier code, and what that code answered after restoring it and
    // adding 16 more exchanges
    const fixture = JSON.parse(
      readFileSync(new URL('./test-support/index-snapshot-v1.json', import.meta.url), 'utf8'),
    );
    const restored = fingerprintIndexFromJSON(fixture.snapshot);
    expect(JSON.parse(JSON.stringify(restored))).toEqual(fixture.snapshot);
    const T = 1776816000000;
    for (let i = 24; i < 40; i++)
      restored.add(`acct-${i % 7}`, T + i * 1000, fp(`t${i % 5}`, [`0:b${i % 3}`, `1:c${i % 4}`]));
    expect(JSON.parse(JSON.stringify(restored.toJSON()))).toEqual(fixture.after.json);
    expect(['acct-0', 'acct-1', 'acct-5', 'acct-6'].map((a) => restored.account(a))).toEqual(
      fixture.after.accounts,
    );
    expect(restored.shared(1)).toEqual(fixture.after.shared);
  });

  it('refuses a serialised index listing a key twice', () => {
    const index = createFingerprintIndex({ doorkeeperSlots: 256 });
    index.add('a', 1, fp('t'));
    index.add('b', 2, fp('t'));
    const json = index.toJSON();
    json.keys.push(json.keys[0]);
    expect(() => fingerprintIndexFromJSON(json)).toThrow(/t:t is listed twice/);
  });

  it('round-trips through JSON', () => {
    const index = createFingerprintIndex({ accountsPerKey: 4, doorkeeperSlots: 256 });
    for (let i = 0; i < 20; i++) index.add(`a${i % 7}`, i * 10, fp(`t${i % 3}`, [`0:${i % 2}`]));
    index.add('late', 999, fp('t-new'));
    const restored = fingerprintIndexFromJSON(JSON.parse(JSON.stringify(index)));
    expect(restored.toJSON()).toEqual(index.toJSON());
    expect(restored.template('t0')).toEqual(index.template('t0'));
    expect(restored.account('a1')).toEqual(index.account('a1'));
    // the doorkeeper survives too: the second sighting after restore promotes the key
    restored.add('other', 1000, fp('t-new'));
    expect(restored.template('t-new')).toMatchObject({ accounts: 2, exchanges: 2 });
    // promoted keys keep counting after a restore
    const before = restored.template('t0')!.exchanges;
    restored.add('a1', 2000, fp('t0'));
    expect(restored.template('t0')!.exchanges).toBe(before + 1);
    expect(() => fingerprintIndexFromJSON({} as never)).toThrow(/version 1/);
  });
});
