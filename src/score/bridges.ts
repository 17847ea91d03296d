/**
 * The part of a cluster that hangs together by more than one link. A single link is weak
 * evidence: a residential proxy exit that is also someone's home address, one shared card BIN. A
 * benign team that works closely together is tightly linked inside, so when one of its members
 * touches a campaign by such a link, community detection may put the whole team in the
 * campaign's cluster. Cutting the cluster's bridges (links whose removal disconnects it) and
 * setting aside the pieces of several accounts other than the most tightly linked one separates
 * that team from the campaign, as a single member hanging by one link already is.
 */

/**
 * The members left when every bridge of the subgraph induced by `members` is removed and the
 * groups of at least `minGroup` accounts other than the most tightly linked one (the largest mean
 * link weight per account; ties: the one holding the smallest member id) are taken out. Smaller
 * pieces stay: a sparsely linked campaign is a tree of single accounts, and a lone account on one
 * link is already judged by its own links. `linked(a)` lists a's neighbours in the whole graph
 * with the link weights, symmetrically (as the link graph's `neighbours` does); only those among
 * `members` count.
 */
export function bridgedCore(
  members: readonly number[],
  linked: (a: number) => Iterable<[number, number]>,
  minGroup = 3,
): Set<number> {
  const index = new Map<number, number>();
  const sorted = [...members].sort((x, y) => x - y);
  for (let i = 0; i < sorted.length; i++) index.set(sorted[i], i);
  const n = sorted.length;
  const adjacency: number[][] = sorted.map(() => []);
  const strength = new Float64Array(n);
  for (let i = 0; i < n; i++)
    for (const [b, w] of linked(sorted[i])) {
      const j = index.get(b);
      if (j === undefined || j === i) continue;
      adjacency[i].push(j);
      strength[i] += w;
    }
  const bridges = findBridges(adjacency);
  // Components without the bridges.
  const group = new Int32Array(n).fill(-1);
  const sizes: number[] = [];
  const weights: number[] = [];
  for (let s = 0; s < n; s++) {
    if (group[s] !== -1) continue;
    const g = sizes.length;
    let size = 0;
    let weight = 0;
    const stack = [s];
    group[s] = g;
    while (stack.length > 0) {
      const v = stack.pop() as number;
      size++;
      weight += strength[v];
      for (const w of adjacency[v]) {
        if (group[w] !== -1 || bridges.has(edgeKey(v, w, n))) continue;
        group[w] = g;
        stack.push(w);
      }
    }
    sizes.push(size);
    weights.push(weight);
  }
  // The densest piece (mean link weight per account) is the core: a campaign's accounts link to
  // many others strongly; a benign region swept in with it is looser, however large.
  let best = 0;
  for (let g = 1; g < sizes.length; g++) if (weights[g] / sizes[g] > weights[best] / sizes[best]) best = g;
  const core = new Set<number>();
  for (let i = 0; i < n; i++) if (group[i] === best || sizes[group[i]] < minGroup) core.add(sorted[i]);
  return core;
}

function edgeKey(v: number, w: number, n: number): number {
  return v < w ? v * n + w : w * n + v;
}

/** The bridges of an undirected graph given as adjacency lists (Tarjan's low-link, iterative). */
function findBridges(adjacency: number[][]): Set<number> {
  const n = adjacency.length;
  const order = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const next = new Int32Array(n);
  const bridges = new Set<number>();
  let time = 0;
  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue;
    const stack = [root];
    order[root] = low[root] = time++;
    while (stack.length > 0) {
      const v = stack[stack.length - 1];
      if (next[v] < adjacency[v].length) {
        const w = adjacency[v][next[v]++];
        if (order[w] === -1) {
          parent[w] = v;
          order[w] = low[w] = time++;
          stack.push(w);
        } else if (w !== parent[v]) low[v] = Math.min(low[v], order[w]);
        continue;
      }
      stack.pop();
      const p = parent[v];
      if (p !== -1) {
        low[p] = Math.min(low[p], low[v]);
        if (low[v] > order[p]) bridges.add(edgeKey(p, v, n));
      }
    }
  }
  return bridges;
}
