import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../core/random.js';
import { makeSummary } from '../detectors/fixture-kit.js';
import { accountId, createLinkGraph, type LinkGraph, scorePair, setAccountKeys } from './graph.js';
import { keyOf, linkKeys, withKey } from './keys.js';
import { findTemplateSets } from './template-sets.js';

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
