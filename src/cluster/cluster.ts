/**
 * Community detection on the account graph, incremental across ticks with stable cluster ids.
 *
 * Each tick only the connected components that contain a changed account are revisited. A small
 * component is a cluster as it is. A large one is partitioned with Louvain (graphology), then
 * communities joined by many edges are merged back (Louvain's modularity also splits one
 * campaign along its inner structure, e.g. accounts grouped by payment card: two communities
 * joined by a good fraction of the weight chance would put between them are one group; groups
 * joined by a few bridging accounts are not), then every community is split into its connected parts. Edges are
 * already thresholded and rarity-weighted (src/link), which is what keeps small dense campaigns
 * from being absorbed by a big sparse background (the resolution limit, DESIGN.md section 6).
 * Between full passes a large component only places its new accounts by their strongest links.
 * New clusters inherit the id of the old cluster they overlap most (seniority breaks ties), so a
 * campaign keeps its id as it grows; ids are never reused.
 */
import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import { mulberry32 } from '../core/random.js';
import type { EpochMs } from '../core/types.js';
import { type LinkGraph, neighbourIds, neighbours } from '../link/graph.js';

/** Clustering parameters (documented in docs/detection.md). */
export interface ClusterConfig {
  /** Smallest cluster worth a campaign. */
  minSize: number;
  /** Components at least this large are partitioned with Louvain; smaller ones are one cluster. */
  louvainMinSize: number;
  /** Louvain's modularity resolution (above 1: smaller communities). */
  resolution: number;
  /**
   * Two communities are merged back when the weight between them is at least this fraction of what
   * a random graph with the same degrees would put there (cut * 2m / (vol_x * vol_y)): chunks of
   * one campaign score 0.1-1, groups joined by a few bridging accounts score near 0.
   */
  mergeRatio: number;
  /** A large component is fully re-partitioned when it grew by this share... */
  regrowShare: number;
  /** ...or when this much event time passed since its last full pass. */
  fullEveryMs: number;
  /** A component is explored up to this many accounts per tick (work cap). */
  maxComponent: number;
}

/** Defaults (see docs/detection.md). */
export const DEFAULT_CLUSTER_CONFIG: ClusterConfig = {
  minSize: 3,
  louvainMinSize: 60,
  resolution: 1,
  mergeRatio: 0.1,
  regrowShare: 0.25,
  fullEveryMs: 24 * 3_600_000,
  maxComponent: 200_000,
};

/** Cluster membership, kept across ticks. */
export interface ClusterState {
  config: ClusterConfig;
  /** Account id -> cluster id. */
  clusterOf: Map<number, string>;
  /** Cluster id -> account ids (sorted). */
  members: Map<string, number[]>;
  nextId: number;
  /** Cluster id -> size and time at its last full Louvain pass. */
  lastFull: Map<string, { size: number; at: EpochMs }>;
}

/** What a reclustering changed. */
export interface ReclusterResult {
  /** Clusters created or whose membership changed. */
  changed: string[];
  /** Clusters that no longer exist. */
  removed: string[];
}

/** An empty clustering. */
export function createClusterState(config: Partial<ClusterConfig> = {}): ClusterState {
  return {
    config: { ...DEFAULT_CLUSTER_CONFIG, ...config },
    clusterOf: new Map(),
    members: new Map(),
    nextId: 1,
    lastFull: new Map(),
  };
}

// The package is CommonJS with ESM-style typings: at run time the default import is the function.
const louvain = ((louvainModule as unknown as { default?: unknown }).default ??
  louvainModule) as typeof louvainModule.default;

function component(g: LinkGraph, start: number, seen: Set<number>, cap: number): number[] {
  const out = [start];
  seen.add(start);
  for (let k = 0; k < out.length && out.length < cap; k++) {
    for (const b of neighbourIds(g, out[k])) {
      if (!seen.has(b)) {
        seen.add(b);
        out.push(b);
      }
    }
  }
  return out;
}

/** Splits a set of accounts into its connected parts (edges inside the set only). */
export function connectedParts(g: LinkGraph, nodes: number[]): number[][] {
  const inside = new Set(nodes);
  const seen = new Set<number>();
  const parts: number[][] = [];
  for (const s of [...nodes].sort((x, y) => x - y)) {
    if (seen.has(s)) continue;
    const part = [s];
    seen.add(s);
    for (let k = 0; k < part.length; k++) {
      for (const b of neighbourIds(g, part[k])) {
        if (inside.has(b) && !seen.has(b)) {
          seen.add(b);
          part.push(b);
        }
      }
    }
    parts.push(part.sort((x, y) => x - y));
  }
  return parts;
}

/** Louvain, then merge of strongly joined communities, then connected parts. */
export function partition(g: LinkGraph, nodes: number[], cfg: ClusterConfig): number[][] {
  if (nodes.length < cfg.louvainMinSize) return connectedParts(g, nodes);
  const sorted = [...nodes].sort((x, y) => x - y);
  const graph = new UndirectedGraph();
  for (const a of sorted) graph.addNode(String(a));
  const inside = new Set(sorted);
  for (const a of sorted) {
    for (const [b, w] of neighbours(g, a)) {
      if (b > a && inside.has(b)) graph.addEdge(String(a), String(b), { weight: w });
    }
  }
  const mapping = louvain(graph, {
    resolution: cfg.resolution,
    rng: mulberry32(sorted[0] + 1),
    getEdgeWeight: 'weight',
  });
  // Merge communities joined by much more weight than chance would give at a low resolution.
  const community = new Map<number, number>();
  for (const a of sorted) community.set(a, mapping[String(a)]);
  const volume = new Map<number, number>();
  const cut = new Map<string, number>();
  graph.forEachEdge((_e: string, attr: Record<string, unknown>, s: string, t: string) => {
    const cs = community.get(Number(s)) as number;
    const ct = community.get(Number(t)) as number;
    const w = attr.weight as number;
    volume.set(cs, (volume.get(cs) ?? 0) + w);
    volume.set(ct, (volume.get(ct) ?? 0) + w);
    if (cs !== ct) {
      const key = cs < ct ? `${cs},${ct}` : `${ct},${cs}`;
      cut.set(key, (cut.get(key) ?? 0) + w);
    }
  });
  let twoM = 0;
  for (const v of volume.values()) twoM += v;
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r) as number;
    return r;
  };
  const ratioOf = (key: string, w: number) => {
    const [x, y] = key.split(',').map(Number);
    return (w * twoM) / Math.max(1e-9, (volume.get(x) ?? 0) * (volume.get(y) ?? 0));
  };
  const pairs = [...cut.entries()].map(([key, w]) => ({ key, r: ratioOf(key, w) }));
  pairs.sort((p, q) => q.r - p.r || (p.key < q.key ? -1 : 1));
  for (const { key, r } of pairs) {
    const [x, y] = key.split(',').map(Number);
    if (r >= cfg.mergeRatio) {
      const rx = find(x);
      const ry = find(y);
      if (rx !== ry) parent.set(Math.max(rx, ry), Math.min(rx, ry));
    }
  }
  const groups = new Map<number, number[]>();
  for (const a of sorted) {
    const c = find(community.get(a) as number);
    const list = groups.get(c);
    if (list) list.push(a);
    else groups.set(c, [a]);
  }
  const parts: number[][] = [];
  for (const group of groups.values()) parts.push(...connectedParts(g, group));
  return parts;
}

/**
 * Revisits the components holding `dirty` accounts and updates clusters and their ids.
 * `seniority` ranks old cluster ids when several claim the same new cluster (higher wins).
 */
export function recluster(
  state: ClusterState,
  g: LinkGraph,
  dirty: Iterable<number>,
  now: EpochMs,
  seniority: (id: string) => number = () => 0,
): ReclusterResult {
  const cfg = state.config;
  const seen = new Set<number>();
  const newParts: number[][] = [];
  const affected = new Set<string>();
  const processed: number[] = [];
  const pendingFull = new Map<number[], { size: number; at: EpochMs }>();
  for (const start of [...dirty].sort((x, y) => x - y)) {
    if (seen.has(start)) continue;
    const comp = component(g, start, seen, cfg.maxComponent);
    processed.push(...comp);
    const oldIds = new Set<string>();
    for (const a of comp) {
      const c = state.clusterOf.get(a);
      if (c !== undefined) oldIds.add(c);
    }
    for (const c of oldIds) affected.add(c);
    newParts.push(...partsOf(state, g, comp, oldIds, now, pendingFull));
  }
  // Match new parts to old ids by overlap.
  const candidates: { part: number; id: string; overlap: number }[] = [];
  newParts.forEach((part, p) => {
    const overlap = new Map<string, number>();
    for (const a of part) {
      const c = state.clusterOf.get(a);
      if (c !== undefined) overlap.set(c, (overlap.get(c) ?? 0) + 1);
    }
    for (const [id, n] of overlap) candidates.push({ part: p, id, overlap: n });
  });
  candidates.sort(
    (x, y) =>
      y.overlap - x.overlap ||
      seniority(y.id) - seniority(x.id) ||
      idNumber(x.id) - idNumber(y.id) ||
      x.part - y.part,
  );
  const idOfPart = new Map<number, string>();
  const taken = new Set<string>();
  for (const c of candidates) {
    if (idOfPart.has(c.part) || taken.has(c.id)) continue;
    idOfPart.set(c.part, c.id);
    taken.add(c.id);
  }
  for (const a of processed) state.clusterOf.delete(a);
  const changed: string[] = [];
  const oldMembers = new Map<string, number[]>();
  for (const id of affected) {
    oldMembers.set(id, state.members.get(id) ?? []);
    state.members.delete(id);
  }
  newParts.forEach((part, p) => {
    if (part.length < cfg.minSize) return;
    let id = idOfPart.get(p);
    if (id === undefined) {
      id = `C-${state.nextId++}`;
    }
    state.members.set(id, part);
    for (const a of part) state.clusterOf.set(a, id);
    const before = oldMembers.get(id);
    if (!before || !sameMembers(before, part)) changed.push(id);
  });
  // Old clusters keep members that were not revisited (work cap); otherwise they are gone.
  const removed: string[] = [];
  for (const [id, before] of oldMembers) {
    if (state.members.has(id)) continue;
    const kept = before.filter((a) => !seen.has(a));
    if (kept.length >= cfg.minSize) {
      state.members.set(id, kept);
      for (const a of kept) state.clusterOf.set(a, id);
      changed.push(id);
    } else {
      for (const a of kept) state.clusterOf.delete(a);
      removed.push(id);
      state.lastFull.delete(id);
    }
  }
  // Full-pass records of freshly named clusters go under their id.
  for (const [part, record] of pendingFull) {
    const id = state.clusterOf.get(part[0]);
    if (id !== undefined) state.lastFull.set(id, record);
  }
  return { changed: changed.sort(), removed: removed.sort() };
}

function partsOf(
  state: ClusterState,
  g: LinkGraph,
  comp: number[],
  oldIds: Set<string>,
  now: EpochMs,
  pendingFull: Map<number[], { size: number; at: EpochMs }>,
): number[][] {
  const cfg = state.config;
  if (comp.length < cfg.louvainMinSize) return connectedParts(g, comp);
  // The component's anchor: the old cluster holding most of it.
  let anchor: string | null = null;
  let best = 0;
  for (const id of oldIds) {
    const n = state.members.get(id)?.length ?? 0;
    if (n > best || (n === best && anchor !== null && idNumber(id) < idNumber(anchor))) {
      best = n;
      anchor = id;
    }
  }
  const last = anchor ? state.lastFull.get(anchor) : undefined;
  const known = comp.filter((a) => state.clusterOf.has(a)).length;
  const incremental =
    last !== undefined &&
    comp.length < last.size * (1 + cfg.regrowShare) &&
    now - last.at < cfg.fullEveryMs &&
    known > 0;
  if (!incremental) {
    const parts = partition(g, comp, cfg);
    // Recorded under the id the largest part receives once ids are matched.
    const largest = parts.reduce((x, y) => (y.length > x.length ? y : x), parts[0]);
    pendingFull.set(largest, { size: comp.length, at: now });
    return parts;
  }
  // Incremental: keep old assignments, place new accounts with their strongest clustered neighbours.
  const assigned = new Map<number, string>();
  for (const a of comp) {
    const c = state.clusterOf.get(a);
    if (c !== undefined) assigned.set(a, c);
  }
  // A new account joins the cluster holding at least two of its links and half its link weight;
  // a region that hangs on a cluster by a thin bridge stays out until the next full pass.
  for (let round = 0; round < 3; round++) {
    for (const a of comp) {
      if (assigned.has(a)) continue;
      const pull = new Map<string, { w: number; n: number }>();
      let totalW = 0;
      for (const [b, w] of neighbours(g, a)) {
        totalW += w;
        const c = assigned.get(b);
        if (c === undefined) continue;
        const p = pull.get(c);
        if (p) {
          p.w += w;
          p.n++;
        } else pull.set(c, { w, n: 1 });
      }
      let bestId: string | null = null;
      let bestW = 0;
      for (const [c, p] of pull) {
        if (p.n < 2 || p.w < 0.5 * totalW) continue;
        if (p.w > bestW || (p.w === bestW && bestId !== null && idNumber(c) < idNumber(bestId))) {
          bestW = p.w;
          bestId = c;
        }
      }
      if (bestId !== null) assigned.set(a, bestId);
    }
  }
  const groups = new Map<string, number[]>();
  const loose: number[] = [];
  for (const a of comp) {
    const c = assigned.get(a);
    if (c === undefined) loose.push(a);
    else {
      const list = groups.get(c);
      if (list) list.push(a);
      else groups.set(c, [a]);
    }
  }
  const parts: number[][] = [];
  for (const group of groups.values()) parts.push(...connectedParts(g, group));
  if (loose.length > 0) parts.push(...connectedParts(g, loose));
  return parts;
}

function idNumber(id: string): number {
  const n = Number(id.slice(id.indexOf('-') + 1));
  return Number.isFinite(n) ? n : Number.MAX_SAFE_INTEGER;
}

function sameMembers(a: number[], b: number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
