import { describe, expect, it } from 'vitest';
import type { AccountSummary } from '../core/types.js';
import { makeSummary } from '../detectors/fixture-kit.js';
import { accountId, createLinkGraph, type LinkGraph, relinkAccount, setAccountKeys } from '../link/graph.js';
import { linkKeys } from '../link/keys.js';
import { createClusterState, partition, recluster } from './cluster.js';

const T = Date.UTC(2026, 3, 1);
const HOUR = 3_600_000;

function group(prefix: string, n: number): AccountSummary[] {
  return Array.from({ length: n }, (_, i) =>
    makeSummary(`${prefix}-${i}`, {
      identity: { paymentFingerprint: `${prefix}-pay-${i % 7}`, ja4: `${prefix}-ja4` },
      templates: { [`${prefix}-tpl`]: 20, [`${prefix}-tpl-${i % 5}`]: 10 },
      prefixes: { [`${prefix}-net-${i % 8}`]: 10, [`${prefix}-net-${(i + 3) % 8}`]: 10 },
      sdkSets: { [`${prefix}-sdk`]: 10 },
      userAgents: { [`${prefix}-ua`]: 10 },
      asns: { [`${prefix}-asn`]: 10 },
      bands: { [`${prefix}-band-${i % 3}`]: 10, [`${prefix}-band`]: 10 },
    }),
  );
}

function add(g: LinkGraph, summaries: AccountSummary[]): number[] {
  const ids = summaries.map((s) => {
    const id = accountId(g, s.account);
    setAccountKeys(g, id, linkKeys(s), 0);
    return id;
  });
  const touched = new Set<number>();
  for (const id of ids) for (const t of relinkAccount(g, id)) touched.add(t);
  return [...touched];
}

function world(): LinkGraph {
  const g = createLinkGraph();
  add(
    g,
    Array.from({ length: 2500 }, (_, i) => makeSummary(`bg-${i}`, { templates: { [`bg-${i}`]: 3 } })),
  );
  return g;
}

describe('clusters across ticks', () => {
  it('a growing campaign keeps its id; a second one gets a new id', () => {
    const g = world();
    const st = createClusterState();
    const all = group('op', 90);
    const r1 = recluster(st, g, add(g, all.slice(0, 20)), T);
    expect(r1.changed.length).toBe(1);
    const id = r1.changed[0];
    recluster(st, g, add(g, all.slice(20, 50)), T + HOUR);
    recluster(st, g, add(g, all.slice(50)), T + 2 * HOUR);
    expect(st.members.get(id)?.length).toBe(90);
    const r4 = recluster(st, g, add(g, group('other', 10)), T + 3 * HOUR);
    expect(r4.changed).not.toContain(id);
    expect(st.members.size).toBe(2);
  });

  it('when two clusters merge the senior id survives', () => {
    const g = world();
    const st = createClusterState();
    const a = group('op', 12);
    const b = group('op', 30).slice(12);
    const first = recluster(st, g, add(g, a.slice(0, 6)), T).changed[0];
    // A separate small group that later turns out to be the same operator.
    const lateIds = add(g, [makeSummary('x-0', { org: 'x' }), makeSummary('x-1', { org: 'x' })]);
    recluster(st, g, lateIds, T);
    recluster(st, g, add(g, [...a.slice(6), ...b]), T + HOUR, (id) => (id === first ? 1 : 0));
    expect(st.members.get(first)?.length).toBe(30);
  });

  it('a dissolved cluster is reported removed', () => {
    const g = world();
    const st = createClusterState();
    const ids = add(g, group('op', 5));
    const id = recluster(st, g, ids, T).changed[0];
    const touched = new Set<number>();
    for (const s of group('op', 5)) {
      const a = g.ids.get(s.account) as number;
      setAccountKeys(g, a, linkKeys(makeSummary(s.account)), 0);
      for (const t of relinkAccount(g, a)) touched.add(t);
    }
    const r = recluster(st, g, touched, T + HOUR);
    expect(r.removed).toEqual([id]);
    expect(st.members.has(id)).toBe(false);
  });
});

describe('partition of a large component', () => {
  it('keeps one dense campaign whole (Louvain chunks are merged back)', () => {
    const g = world();
    // One prompt programme over all accounts (sub-programmes may legitimately come out apart).
    const one = group('op', 300).map((s) => ({ ...s, templates: { 'op-tpl': 20 } }));
    const ids = add(g, one);
    const comp = ids.filter((a) => g.names[a].startsWith('op-'));
    const parts = partition(g, comp, createClusterState().config);
    expect(parts.length).toBe(1);
  });

  it('separates two campaigns joined by a few bridging links', () => {
    const g = world();
    const bridge = makeSummary('bridge', {
      identity: { paymentFingerprint: 'op-pay-1', ja4: 'op-ja4' },
      templates: { 'op-tpl': 20, 'ot-tpl': 20 },
      sdkSets: { 'ot-sdk': 10 },
      prefixes: { 'ot-net-1': 10 },
    });
    const ids = add(g, [...group('op', 150), ...group('ot', 150), bridge]);
    const comp = ids.filter((a) => !g.names[a].startsWith('bg-'));
    const parts = partition(g, comp, createClusterState().config);
    const big = parts.filter((p) => p.length >= 100);
    expect(big.length).toBe(2);
    for (const p of big) {
      const prefixes = new Set(p.map((a) => g.names[a].split('-')[0]).filter((x) => x !== 'bridge'));
      expect(prefixes.size).toBe(1);
    }
  });
});
