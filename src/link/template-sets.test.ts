import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../core/random.js';
import { makeSummary } from '../detectors/fixture-kit.js';
import { accountId, createLinkGraph, type LinkGraph, scorePair, setAccountKeys } from './graph.js';
import { keyOf, linkKeys, withKey } from './keys.js';
import { KIND } from './kinds.js';
import { DEFAULT_TEMPLATE_SET_CONFIG, findTemplateSets } from './template-sets.js';

/**
 * A crowd of 2,000 ordinary users, each sending its own prompts and two of 60 common templates
 * picked at random; an operator's 40 accounts, each sending 3 or 4 of its 6 script templates
 * (picked at random) and mostly reworded prompts of its own; and a team of 8 developers sharing
 * 4 templates of their own.
 */
function world(): LinkGraph {
  const random = mulberry32(7);
  const pick = <T>(xs: T[], n: number) => [...xs].sort(() => random() - 0.5).slice(0, n);
  const g = createLinkGraph();
  const add = (account: string, templates: Record<string, number>) =>
    setAccountKeys(g, accountId(g, account), linkKeys(makeSummary(account, { templates })), 0);
  const common = Array.from({ length: 60 }, (_, i) => `common-${i}`);
  for (let i = 0; i < 2000; i++) {
    const templates: Record<string, number> = { [`own-${i}`]: 3 };
    for (const t of pick(common, 2)) templates[t] = 1;
    add(`user-${i}`, templates);
  }
  const script = Array.from({ length: 6 }, (_, i) => `script-${i}`);
  for (let i = 0; i < 40; i++) {
    const templates: Record<string, number> = { [`reworded-${i}-a`]: 2, [`reworded-${i}-b`]: 2 };
    for (const t of pick(script, 3 + (i % 2))) templates[t] = 1;
    add(`op-${i}`, templates);
  }
  for (let i = 0; i < 8; i++) add(`dev-${i}`, { 'team-a': 2, 'team-b': 2, 'team-c': 1, 'team-d': 1 });
  return g;
}

describe('findTemplateSets', () => {
  const g = world();
  const sets = findTemplateSets(g);

  it("finds the operator's script as one set holding its accounts", () => {
    expect(sets.length).toBe(1);
    const members = sets[0].accounts.map((a) => g.names[a]);
    expect(members.every((a) => a.startsWith('op-'))).toBe(true);
    expect(members.length).toBeGreaterThanOrEqual(36);
    expect(sets[0].templates).toBe(6);
  });

  it('does not make a set of templates ordinary users send, nor of a small team', () => {
    const all = sets.flatMap((p) => p.accounts.map((a) => g.names[a]));
    expect(all.some((a) => a.startsWith('user-') || a.startsWith('dev-'))).toBe(false);
    expect(findTemplateSets(g, { minAccounts: 8 }).some((p) => p.accounts.length === 8)).toBe(true);
  });

  it('is deterministic', () => {
    expect(findTemplateSets(g)).toEqual(sets);
  });

  it("as a shared key, links two of the operator's accounts more strongly", () => {
    const [a, b] = ['op-0', 'op-1'].map((x) => g.ids.get(x) as number);
    const before = scorePair(g, a, b).weight;
    const id = sets[0].id;
    for (const x of [a, b]) {
      const held = g.keys[x]
        .map((k, i) => [g.keyText[k], g.counts[x][i]] as const)
        .sort((p, q) => (p[0] < q[0] ? -1 : 1));
      const current = { keys: held.map(([k]) => k), counts: held.map(([, n]) => n) };
      setAccountKeys(g, x, withKey(current, keyOf('template-set', id)), 0);
    }
    const after = scorePair(g, a, b);
    expect(after.parts.map((p) => p.kind)).toContain('template-set');
    expect(after.weight).toBeGreaterThan(before);
  });
});

/**
 * The plain definition: every pair of eligible templates, their common holders counted from the
 * postings, unions in pair order; then each account to the set of which it sends the most.
 */
function referenceSets(g: LinkGraph): { id: string; templates: number; accounts: number[] }[] {
  const cfg = DEFAULT_TEMPLATE_SET_CONFIG;
  const maxHolders = Math.max(cfg.minMaxHolders, cfg.maxHolderShare * g.population);
  const eligible = g.keyText
    .map((text, id) => ({ text, id }))
    .filter(
      ({ text, id }) => text?.startsWith(`${KIND.template.code}|`) && g.postings[id].length >= cfg.minHolders,
    )
    .filter(({ id }) => g.postings[id].length <= maxHolders)
    .map(({ id }) => id);
  const group = new Map<number, number>(eligible.map((x) => [x, x]));
  const find = (x: number): number => (group.get(x) === x ? x : find(group.get(x) as number));
  const joined = new Set<number>();
  for (const x of eligible)
    for (const y of eligible) {
      if (y <= x) continue;
      const ys = new Set(g.postings[y]);
      const n = g.postings[x].filter((a) => ys.has(a)).length;
      if (n < cfg.minCommon || n / (g.postings[x].length + g.postings[y].length - n) < cfg.minOverlap)
        continue;
      const [rx, ry] = [find(x), find(y)];
      group.set(Math.max(rx, ry), Math.min(rx, ry));
      joined.add(x).add(y);
    }
  const byRoot = new Map<number, number[]>();
  for (const x of joined) byRoot.set(find(x), [...(byRoot.get(find(x)) ?? []), x]);
  const found = [...byRoot.values()]
    .filter((ts) => ts.length >= cfg.minTemplates)
    .map((ts) => ({ id: ts.map((t) => g.keyText[t].slice(2)).sort()[0], ts }))
    .sort((p, q) => (p.id < q.id ? -1 : 1));
  const best = new Map<number, { id: string; n: number }>();
  for (const { id, ts } of found) {
    const count = new Map<number, number>();
    for (const t of ts) for (const a of g.postings[t]) count.set(a, (count.get(a) ?? 0) + 1);
    for (const [a, n] of count)
      if (n >= cfg.minAccountTemplates && n > (best.get(a)?.n ?? 0)) best.set(a, { id, n });
  }
  return found
    .map(({ id, ts }) => ({
      id,
      templates: ts.length,
      accounts: [...best]
        .filter(([, b]) => b.id === id)
        .map(([a]) => a)
        .sort((x, y) => x - y),
    }))
    .filter((p) => p.accounts.length >= cfg.minAccounts);
}

describe('findTemplateSets against the plain definition', () => {
  it('finds the same sets on random graphs with overlapping scripts', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const random = mulberry32(seed);
      const g = createLinkGraph();
      const scripts = Array.from({ length: 4 }, (_, s) =>
        Array.from({ length: 3 + s }, (_, i) => `s${s}-${i}`),
      );
      for (let i = 0; i < 400; i++) {
        const templates: Record<string, number> = { [`own-${i}`]: 1 };
        for (let k = 0; k < 2 + Math.floor(random() * 4); k++)
          templates[`c-${Math.floor(random() * 30)}`] = 1;
        if (random() < 0.4) {
          const script = scripts[Math.floor(random() * scripts.length)];
          for (const t of script) if (random() < 0.7) templates[t] = 1 + Math.floor(random() * 3);
        }
        setAccountKeys(g, accountId(g, `a-${i}`), linkKeys(makeSummary(`a-${i}`, { templates })), 0);
      }
      const sets = findTemplateSets(g);
      expect(sets.length).toBeGreaterThan(0);
      expect(sets).toEqual(referenceSets(g));
    }
  });
});
