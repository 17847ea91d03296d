import { describe, expect, it } from 'vitest';
import { bridgedCore } from './bridges.js';

/** Undirected adjacency from edge pairs, every link of weight 1 unless given. */
function graph(edges: ([number, number] | [number, number, number])[]): (a: number) => [number, number][] {
  const adj = new Map<number, [number, number][]>();
  for (const [a, b, w = 1] of edges) {
    adj.set(a, [...(adj.get(a) ?? []), [b, w]]);
    adj.set(b, [...(adj.get(b) ?? []), [a, w]]);
  }
  return (a) => adj.get(a) ?? [];
}

function clique(ids: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) out.push([ids[i], ids[j]]);
  return out;
}

const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);

describe('bridgedCore', () => {
  it('sets aside a close-knit team that touches the campaign by one link', () => {
    const campaign = range(0, 20);
    const team = range(100, 6);
    const linked = graph([...clique(campaign), ...clique(team), [5, 103]]);
    const core = bridgedCore([...campaign, ...team], linked);
    expect([...core].sort((x, y) => x - y)).toEqual(campaign);
  });

  it('keeps a team joined by two links, and single accounts hanging by one', () => {
    const campaign = range(0, 20);
    const team = range(100, 6);
    const linked = graph([...clique(campaign), ...clique(team), [5, 103], [7, 101], [3, 200], [200, 201]]);
    const members = [...campaign, ...team, 200, 201];
    expect(bridgedCore(members, linked).size).toBe(members.length);
  });

  it('keeps every account of a sparsely linked campaign (a chain has only bridges)', () => {
    const chain = range(0, 12);
    const linked = graph(chain.slice(1).map((a) => [a - 1, a] as [number, number]));
    expect(bridgedCore(chain, linked).size).toBe(12);
  });

  it('keeps the most tightly linked piece, not the most numerous', () => {
    const campaign = range(0, 10);
    const loose = range(100, 30);
    const heavy = clique(campaign).map(([a, b]) => [a, b, 40] as [number, number, number]);
    // A looser region of more accounts: a ring with chords, each link weak.
    const ring = loose.map((a, i) => [a, loose[(i + 1) % 30], 12] as [number, number, number]);
    const chords = loose.slice(0, 15).map((a, i) => [a, loose[i + 15], 12] as [number, number, number]);
    const core = bridgedCore([...campaign, ...loose], graph([...heavy, ...ring, ...chords, [3, 100, 12]]));
    expect([...core].sort((x, y) => x - y)).toEqual(campaign);
  });

  it('ignores links to accounts outside the members', () => {
    const campaign = range(0, 10);
    const team = range(100, 4);
    // The team's second link goes to an outsider, not to the campaign.
    const linked = graph([...clique(campaign), ...clique(team), [5, 103], [101, 999], [999, 2]]);
    const core = bridgedCore([...campaign, ...team], linked);
    expect(team.some((a) => core.has(a))).toBe(false);
  });
});
