/**
 * The link graph scores pairs from caches (per-account scoring views built once per epoch, rarity
 * tables per population, holder counts kept beside the postings). These tests hold the cached
 * scores to the plain definition, bit for bit, while the graph changes under them: keys added and
 * removed, holder counts and the population moving, key ids freed and reused, values held by more
 * accounts than the rarity table covers. A changed input that is not rescored fails them.
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../core/random.js';
import {
  accountId,
  createLinkGraph,
  edgeThreshold,
  type LinkGraph,
  linkGraphFromJSON,
  linkGraphToJSON,
  type PairScore,
  pairScoreBounds,
  relinkAccount,
  scorePair,
  setAccountKeys,
  valueBits,
} from './graph.js';
import { type AccountKeys, keyOf } from './keys.js';
import { AMPLIFIER_KINDS, KIND_BY_CODE, KINDS, type LinkKind } from './kinds.js';

/** The pair score by its plain definition: one merge of the two sorted key lists, rarities computed afresh. */
function referenceScore(g: LinkGraph, a: number, b: number): PairScore {
  const cfg = g.config;
  const pop = Math.max(g.population, cfg.minPopulation);
  const rarity = (id: number) => {
    const spec = KIND_BY_CODE[g.keyText[id][0]];
    return valueBits(spec.m, g.postings[id].length, pop, spec.cap);
  };
  const kindOf = (id: number) => KINDS.findIndex((k) => k.code === g.keyText[id][0]);
  const profile = (k: number) => KINDS[k].kind === 'template' || KINDS[k].kind === 'band';
  const address = (k: number) => ['ip', 'prefix', 'signup-ip', 'signup-prefix'].includes(KINDS[k].kind);
  const share = (count: number, volume: number) =>
    volume > 0 ? Math.min(1, count / volume) : Math.min(1, count / 8);
  const [ka, kb, ca, cb, va, vb] = [g.keys[a], g.keys[b], g.counts[a], g.counts[b], g.volume[a], g.volume[b]];
  const design = Math.max(g.design[a], g.design[b]) * cfg.sharedByDesignBits;
  const bits: number[][] = KINDS.map(() => []);
  const profMin = KINDS.map(() => 0);
  const profMax = KINDS.map(() => 0);
  const profShared = KINDS.map(() => 0);
  let i = 0;
  let j = 0;
  while (i < ka.length || j < kb.length) {
    if (j >= kb.length || (i < ka.length && ka[i] < kb[j])) {
      // a value only this account holds says nothing about the pair
      if (profile(kindOf(ka[i])) && g.postings[ka[i]].length > 1)
        profMax[kindOf(ka[i])] += share(ca[i], va) * rarity(ka[i]);
      i++;
    } else if (i >= ka.length || ka[i] > kb[j]) {
      if (profile(kindOf(kb[j])) && g.postings[kb[j]].length > 1)
        profMax[kindOf(kb[j])] += share(cb[j], vb) * rarity(kb[j]);
      j++;
    } else {
      const k = kindOf(ka[i]);
      const r = rarity(ka[i]);
      if (profile(k)) {
        const [sa, sb] = [share(ca[i], va), share(cb[j], vb)];
        profShared[k] += Math.min(sa, sb);
        profMin[k] += Math.min(sa, sb) * r;
        profMax[k] += Math.max(sa, sb) * r;
      } else {
        let x = Math.max(0, r - cfg.valueFloor);
        if (address(k)) {
          x = Math.max(0, x - design);
          if (KINDS[k].top > 1)
            x *= Math.min(1, Math.min(share(ca[i], va), share(cb[j], vb)) / cfg.addressShare);
        }
        if (x > 0) bits[k].push(x);
      }
      i++;
      j++;
    }
  }
  const sum = (xs: number[]) => xs.reduce((t, x) => t + x, 0);
  const evidence = Math.min(1, Math.min(va || sum(ca), vb || sum(cb)) / 8);
  const parts: { kind: LinkKind; bits: number; values: [] }[] = [];
  let core = 0;
  let timing = 0;
  KINDS.forEach((spec, k) => {
    let list = bits[k];
    if (profile(k) && profMin[k] > 0) {
      const specific = Math.min(1, profMin[k] / profShared[k] / cfg.profileRarityBits);
      list = [(spec.cap * evidence * specific * profMin[k]) / profMax[k]];
    }
    if (list.length === 0) return;
    list.sort((x, y) => y - x);
    let total = 0;
    let f = 1;
    for (const x of list) {
      total += f * x;
      f *= cfg.diminishing;
    }
    total = Math.min(total, spec.top > 1 && !profile(k) ? spec.cap * 1.5 : spec.cap);
    parts.push({ kind: spec.kind, bits: total, values: [] });
    if (AMPLIFIER_KINDS.has(spec.kind)) timing += total;
    else core += total;
  });
  const amplified = core >= cfg.amplifierFloor;
  return {
    weight: core + (amplified ? timing : 0),
    parts: amplified ? parts : parts.filter((p) => !AMPLIFIER_KINDS.has(p.kind)),
  };
}

/** Random keys from small vocabularies (so accounts share values), with counts. */
function randomKeys(random: () => number, vocabulary: number): AccountKeys {
  const found = new Map<string, number>();
  const pick = (n: number) => Math.floor(random() * n);
  const draws: [LinkKind, number, number][] = [
    ['payment', 1, vocabulary],
    ['device', 1, vocabulary],
    ['email-domain', 1, 3],
    ['ip', 4, vocabulary * 2],
    ['prefix', 3, vocabulary],
    ['asn', 2, 4],
    ['user-agent', 2, 5],
    ['template', 6, vocabulary],
    ['band', 8, vocabulary * 2],
    ['signup-burst', 1, 6],
  ];
  for (const [kind, most, size] of draws) {
    const n = pick(most + 1);
    for (let k = 0; k < n; k++) found.set(keyOf(kind, `${kind}-${pick(size)}`), 1 + pick(30));
  }
  const keys = [...found.keys()].sort();
  return { keys, counts: keys.map((k) => found.get(k) as number) };
}

/** The same graph with every cache dropped (restored from its JSON: same key ids, fresh caches). */
function fresh(g: LinkGraph): LinkGraph {
  return linkGraphFromJSON(structuredClone(linkGraphToJSON(g)));
}

function expectSameScore(actual: PairScore, expected: PairScore): void {
  expect(actual.weight).toBe(expected.weight);
  expect(actual.parts.map((p) => [p.kind, p.bits])).toEqual(expected.parts.map((p) => [p.kind, p.bits]));
}

describe('cached pair scores', () => {
  it('equal the plain definition bit for bit while keys, holders and the population change', () => {
    const random = mulberry32(7);
    const g = createLinkGraph({ minPopulation: 20 });
    const names = Array.from({ length: 120 }, (_, i) => `acct-${i}`);
    const rekey = (name: string) =>
      setAccountKeys(
        g,
        accountId(g, name),
        randomKeys(random, 25),
        random() < 0.2 ? random() : 0,
        random() < 0.1 ? 0 : 1 + Math.floor(random() * 200),
      );
    for (const name of names.slice(0, 40)) rekey(name);
    let compared = 0;
    for (let step = 0; step < 400; step++) {
      // Mostly small batches of changes (new accounts, re-keyed ones, emptied ones), then scoring
      // several pairs against the same state, as one tick does.
      const changes = Math.floor(random() * 4);
      for (let c = 0; c < changes; c++) {
        const name = names[Math.floor(random() * names.length)];
        if (random() < 0.1) setAccountKeys(g, accountId(g, name), { keys: [], counts: [] }, 0);
        else rekey(name);
      }
      const n = g.names.length;
      for (let p = 0; p < 6; p++) {
        const a = Math.floor(random() * n);
        const b = Math.floor(random() * n);
        expectSameScore(scorePair(g, a, b), referenceScore(g, a, b));
        compared++;
      }
    }
    expect(compared).toBe(2400);
    // Key ids were freed and reused along the way.
    expect(g.keyText.some((k) => k === '')).toBe(true);
  });

  it('a pair is rescored after a third account changes a shared value’s holders', () => {
    const g = createLinkGraph({ minPopulation: 10 });
    const shared: AccountKeys = {
      keys: [keyOf('device', 'dv-1'), keyOf('template', 'tpl-1')],
      counts: [1, 5],
    };
    const a = accountId(g, 'a');
    const b = accountId(g, 'b');
    setAccountKeys(g, a, shared, 0, 10);
    setAccountKeys(g, b, shared, 0, 10);
    for (let i = 0; i < 10; i++)
      setAccountKeys(g, accountId(g, `bg-${i}`), { keys: [keyOf('asn', `as-${i}`)], counts: [1] }, 0, 10);
    const before = scorePair(g, a, b);
    expectSameScore(before, referenceScore(g, a, b));
    setAccountKeys(g, accountId(g, 'c'), shared, 0, 10);
    const after = scorePair(g, a, b);
    expectSameScore(after, referenceScore(g, a, b));
    expect(after.weight).toBeLessThan(before.weight);
    // The population alone changing (a new unrelated account) changes every rarity too.
    setAccountKeys(g, accountId(g, 'd'), { keys: [keyOf('asn', 'as-x')], counts: [1] }, 0, 10);
    const grown = scorePair(g, a, b);
    expectSameScore(grown, referenceScore(g, a, b));
    expect(grown.weight).toBeGreaterThan(after.weight);
  });

  it('values held by more accounts than the rarity table covers are exact too', () => {
    // Rarity against at least 100,000 accounts, so the big value still weighs a few bits.
    const g = createLinkGraph({ minPopulation: 100_000 });
    const common = keyOf('email-domain', 'big.example');
    for (let i = 0; i < 1100; i++)
      setAccountKeys(
        g,
        accountId(g, `bg-${i}`),
        { keys: [common, keyOf('ip', `ip-${i}`)], counts: [3, 3] },
        0,
        6,
      );
    const keys: AccountKeys = {
      keys: [common, keyOf('payment', 'pf-1'), keyOf('template', 'tpl-1')].sort(),
      counts: [4, 1, 4],
    };
    const a = accountId(g, 'a');
    const b = accountId(g, 'b');
    setAccountKeys(g, a, keys, 0, 8);
    setAccountKeys(g, b, keys, 0, 8);
    const domainBits = () => scorePair(g, a, b).parts.find((p) => p.kind === 'email-domain')?.bits ?? 0;
    expectSameScore(scorePair(g, a, b), referenceScore(g, a, b));
    const before = domainBits();
    expect(before).toBeGreaterThan(1);
    // One holder fewer, then one more: the big value's rarity changes and must not be read from its old entry.
    setAccountKeys(g, accountId(g, 'bg-0'), { keys: [keyOf('ip', 'ip-0')], counts: [3] }, 0, 6);
    expectSameScore(scorePair(g, a, b), referenceScore(g, a, b));
    expect(domainBits()).toBeGreaterThan(before);
    setAccountKeys(g, accountId(g, 'bg-0'), { keys: [common, keyOf('ip', 'ip-0')], counts: [3, 3] }, 0, 6);
    setAccountKeys(g, accountId(g, 'bg-1'), { keys: [common, keyOf('ip', 'ip-1')], counts: [3, 3] }, 0, 6);
    expectSameScore(scorePair(g, a, b), referenceScore(g, a, b));
    expect(domainBits()).toBe(before);
  });

  it('the bounds that spare exact scores are never under a pair’s weight or its plain part', () => {
    const random = mulberry32(23);
    // Small postings scanned in full and large ones sampled; some traffic from shared-by-design
    // networks; some accounts with no known volume.
    const g = createLinkGraph({ minPopulation: 20, fullPostings: 6 });
    const names = Array.from({ length: 90 }, (_, i) => `acct-${i}`);
    let checked = 0;
    let spared = 0;
    for (let step = 0; step < 300; step++) {
      const name = names[Math.floor(random() * names.length)];
      setAccountKeys(
        g,
        accountId(g, name),
        randomKeys(random, 10),
        random() < 0.3 ? random() : 0,
        random() < 0.15 ? 0 : 1 + Math.floor(random() * 60),
      );
      if (step < 40) continue;
      const threshold = edgeThreshold(g);
      for (let p = 0; p < 8; p++) {
        const a = Math.floor(random() * g.names.length);
        const b = Math.floor(random() * g.names.length);
        if (a === b) continue;
        const exact = scorePair(g, a, b);
        const plain = exact.parts
          .filter((part) => part.kind !== 'template' && part.kind !== 'band')
          .reduce((t, part) => t + part.bits, 0);
        const bounds = pairScoreBounds(g, a, b);
        expect(bounds.quick).toBeGreaterThanOrEqual(exact.weight);
        expect(bounds.weight).toBeGreaterThanOrEqual(exact.weight);
        expect(bounds.plain).toBeGreaterThanOrEqual(plain);
        checked++;
        if (bounds.weight < threshold) spared++;
      }
    }
    expect(checked).toBeGreaterThan(1500);
    // The bound is tight enough to spare most pairs here (else it would be no use).
    expect(spared).toBeGreaterThan(checked / 2);
  });

  it('relinking gives the same edges as a graph with no caches', () => {
    const random = mulberry32(11);
    const g = createLinkGraph({ minPopulation: 20 });
    for (let step = 0; step < 300; step++) {
      const name = `acct-${Math.floor(random() * 80)}`;
      setAccountKeys(g, accountId(g, name), randomKeys(random, 12), 0, 1 + Math.floor(random() * 50));
      if (step % 3 !== 0) continue;
      // Several re-links in one state (as in one tick), each checked against a cache-free twin.
      for (let r = 0; r < 4; r++) {
        const a = Math.floor(random() * g.names.length);
        const twin = fresh(g);
        relinkAccount(g, a);
        relinkAccount(twin, a);
        expect(g.outN[a]).toEqual(twin.outN[a]);
        expect(g.outW[a]).toEqual(twin.outW[a]);
      }
    }
  });
});
