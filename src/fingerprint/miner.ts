/**
 * Drain-style online template miner over the masked token stream.
 *
 * Drain (He et al., ICWS 2017) routes a message through a fixed-depth prefix tree to a small leaf
 * of clusters and joins the most similar one when the share of equal tokens passes a threshold;
 * the cluster's template keeps the tokens all members agree on and turns the others into `<*>`.
 * Prompts differ from log lines in two ways, and the miner is adapted to both:
 * - The variable part (a question, a review) is long and often comes first, and prompt lengths
 *   vary, so Drain's token-count layer and whole-message similarity explode into one cluster per
 *   prompt. Here a message is compared on a bounded window: its first `headTokens` tokens
 *   (aligned from the start) and its last `tailTokens` tokens (aligned from the end; the two
 *   overlap on short prompts); similarity is the better of the head and tail agreement. Wrappers with a fixed preamble match on the head,
 *   wrappers with a fixed suffix ("... What is the sentiment expressed in this text?") on the tail.
 * - Because of that, a message is routed twice: by its first `depth` tokens in a head tree and by
 *   its last `depth` tokens in a tail tree; the candidates of both leaves are compared.
 * Bounded memory: each tree node has at most `maxChildren` children (more go to a `<*>` child),
 * each leaf keeps at most `maxClustersPerLeaf` clusters and the miner at most `maxClusters`
 * (least recently used are dropped).
 *
 * The template text shows the head slots, `<*>` for each run of variable slots (and for the unread
 * middle of longer prompts), then the tail slots.
 *
 * Stable ids: a template id is a 64-bit hash of the template itself (tool shape, head and tail
 * slots), never of an insertion counter. A cluster's template is the
 * position-wise agreement of its members, which does not depend on the order they came in, so a
 * replay, a shuffled stream or another machine seeing the same family converges to the same id.
 */
import { combine, fmix32, hashString, hex64 } from './hash.js';
import { joinTokens, type TokenStream, tokenText } from './normalise.js';

/** Parameters of the miner (defaults in parentheses). */
export interface MinerOptions {
  /** Tokens compared from the start of a prompt (8). */
  headTokens?: number;
  /** Tokens compared from the end of a prompt (8). */
  tailTokens?: number;
  /** Tokens used to route a prompt in each tree (2). */
  depth?: number;
  /** Share of equal tokens (head or tail) needed to join a cluster (0.8). */
  similarity?: number;
  /** Children per tree node before new tokens share a `<*>` child (64). */
  maxChildren?: number;
  /** Clusters per tree leaf, least recently used dropped (32). */
  maxClustersPerLeaf?: number;
  /** Clusters in total, least recently used dropped (100,000). */
  maxClusters?: number;
}

/** A mined template. */
export interface Template {
  id: string;
  text: string;
  size: number;
}

/** The online miner: `add` returns the template a prompt joined or created. */
export interface TemplateMiner {
  add(s: TokenStream, structureKey?: number): Template;
  /** Current templates, largest first. */
  templates(): Template[];
  readonly size: number;
  /** The miner's whole state as plain data (structured-cloneable), for a snapshot. */
  exportState(): MinerState;
  /** Replaces the miner's state with an exported one (of a miner with the same options). */
  importState(state: MinerState): void;
}

/**
 * A miner's state: its clusters and both routing trees. A miner restored from it mines the rest of
 * a stream exactly as the miner it came from would have (same templates, same ids, same evictions).
 */
export interface MinerState {
  /** The `add` calls so far (the clock of least-recently-used eviction). */
  clock: number;
  clusters: ClusterState[];
  head: NodeState;
  tail: NodeState;
}

/** A cluster as data (ids, texts and group keys are derived from it again). */
export interface ClusterState {
  structure: number;
  head: Int32Array;
  headLen: number;
  tail: Int32Array;
  tailLen: number;
  headText: string[];
  tailText: string[];
  /** Shortest and longest member, in tokens (for rendering the text). */
  minLen: number;
  maxLen: number;
  size: number;
  lastUsed: number;
}

/** A tree node as data: its children by token, and the clusters of its leaf by index in `clusters`. */
export interface NodeState {
  children: [token: number, child: NodeState][];
  clusters: number[];
}

const WILD = hashString('<*>');
const END = hashString('<end>');

/**
 * A cluster: its state, and what is derived from it or kept for speed. The fields the quick
 * rejection reads come first in the object literals that make clusters (an object's fields are
 * laid out in the order its literal gives them), so a candidate rejected by its group keys costs
 * the first cache line or two of the cluster object and no other object.
 */
interface Cluster extends ClusterState {
  /** The `add` call that last compared this cluster (a cluster in both leaves is compared once). */
  visited: number;
  /** True when head and tail are full length, so the group keys below are set (see `groupKeys`). */
  keyed: boolean;
  /** The first four group keys in the object itself (0 for groups beyond `groupCount`). */
  key0: number;
  key1: number;
  key2: number;
  key3: number;
  /** All group keys when there are more than four (other options than the defaults), else null. */
  keys: Int32Array | null;
  id: string;
  text: string;
  leaves: Cluster[][];
}

interface TreeNode {
  children: Map<number, TreeNode>;
  clusters: Cluster[];
}

function newNode(): TreeNode {
  return { children: new Map(), clusters: [] };
}

/** A copy of a cluster's state that shares no array with it. */
function copyOf(c: ClusterState): ClusterState {
  return {
    structure: c.structure,
    head: Int32Array.from(c.head),
    headLen: c.headLen,
    tail: Int32Array.from(c.tail),
    tailLen: c.tailLen,
    headText: c.headText.slice(),
    tailText: c.tailText.slice(),
    minLen: c.minLen,
    maxLen: c.maxLen,
    size: c.size,
    lastUsed: c.lastUsed,
  };
}

/** Creates an online Drain-style template miner. */
export function createTemplateMiner(options: MinerOptions = {}): TemplateMiner {
  const H = options.headTokens ?? 8;
  const T = options.tailTokens ?? 8;
  const depth = options.depth ?? 2;
  const threshold = options.similarity ?? 0.8;
  const maxChildren = options.maxChildren ?? 64;
  const maxPerLeaf = options.maxClustersPerLeaf ?? 32;
  const maxClusters = options.maxClusters ?? 100_000;
  const headRoot = newNode();
  const tailRoot = newNode();
  const all = new Set<Cluster>();
  let clock = 0;

  /**
   * Quick rejection. To reach the threshold on a full-length side, a candidate may differ from the
   * prompt in at most `slack` of its tokens (a `<*>` slot counts as a difference), so one of
   * `slack + 1` contiguous groups of that side agrees entirely (pigeonhole). Each group gets a
   * key, a hash of its tokens (0 when it has a `<*>`): a full-length candidate none of whose group
   * keys equals the prompt's cannot join and is not compared token by token. Same choices, fewer
   * comparisons (a leaf holds up to `maxClustersPerLeaf` clusters, most of them far off).
   */
  const slack = (n: number) => {
    let k = 0;
    while (k < n && k / n < threshold) k++;
    return n - k;
  };
  const headGroups = slack(H) + 1 <= H ? slack(H) + 1 : 0;
  const tailGroups = slack(T) + 1 <= T ? slack(T) + 1 : 0;
  const groupCount = headGroups + tailGroups;

  /** The group keys of a full head and tail into `out`. */
  function groupKeys(head: Int32Array, tail: Int32Array, out: Int32Array): void {
    for (let g = 0; g < headGroups; g++)
      out[g] = groupKey(head, Math.floor((g * H) / headGroups), Math.floor(((g + 1) * H) / headGroups));
    for (let g = 0; g < tailGroups; g++)
      out[headGroups + g] = groupKey(
        tail,
        Math.floor((g * T) / tailGroups),
        Math.floor(((g + 1) * T) / tailGroups),
      );
  }

  function groupKey(tokens: Int32Array, from: number, to: number): number {
    let h = 0x2545f491;
    for (let i = from; i < to; i++) {
      if (tokens[i] === WILD) return 0;
      h = combine(h, tokens[i]);
    }
    return fmix32(h) | 1;
  }

  const probeKeys = new Int32Array(Math.max(4, groupCount));
  /** True when the prompt's head and tail are full length and `probeKeys` hold their group keys. */
  let probeKeyed = false;
  /**
   * Probe keys of groups beyond `groupCount` (when there are fewer than four): 2, even, so it
   * equals neither a real key (odd, or 0 for a group with `<*>`) nor a cluster's unused 0.
   */
  const NO_GROUP = 2;
  probeKeys.fill(NO_GROUP);

  function route(root: TreeNode, structure: number, s: TokenStream, fromEnd: boolean): TreeNode {
    let node = descend(root, structure);
    for (let d = 0; d < depth; d++) {
      const index = fromEnd ? s.count - 1 - d : d;
      const token = index >= 0 && index < s.count ? s.hashes[index] : END;
      node = descend(node, token);
    }
    return node;
  }

  function descend(node: TreeNode, token: number): TreeNode {
    let child = node.children.get(token);
    if (child !== undefined) return child;
    if (node.children.size >= maxChildren) {
      child = node.children.get(WILD);
      if (child === undefined) {
        child = newNode();
        node.children.set(WILD, child);
      }
      return child;
    }
    child = newNode();
    node.children.set(token, child);
    return child;
  }

  /** The prompt's head and tail tokens, copied once per `add` (the tail left-aligned like a cluster's). */
  const probeHead = new Int32Array(H);
  const probeTail = new Int32Array(T);

  /**
   * Share of equal tokens, the better of the head (aligned from the start) and the tail (from the
   * end), when it is at least `floor`; otherwise some value below `floor` (a side stops comparing
   * as soon as its mismatches rule it out).
   */
  function similarity(c: Cluster, headLen: number, tailLen: number, floor: number): number {
    const head = c.head;
    const headMax = Math.max(c.headLen, headLen);
    const common = Math.min(c.headLen, headLen);
    let equal = 0;
    let headSim = -1;
    for (let i = 0; i < common; i++) {
      if (head[i] === probeHead[i]) equal++;
      else if ((equal + common - i - 1) / headMax < floor) break;
      if (i === common - 1) headSim = equal / headMax;
    }
    if (common === 0) headSim = 0;
    const cTailLen = c.tailLen;
    if (cTailLen === 0 || tailLen === 0) return headSim;
    const tail = c.tail;
    const tailMax = Math.max(cTailLen, tailLen);
    const commonTail = Math.min(cTailLen, tailLen);
    equal = 0;
    for (let k = 1; k <= commonTail; k++) {
      if (tail[cTailLen - k] === probeTail[tailLen - k]) equal++;
      else if ((equal + commonTail - k) / tailMax < floor) return headSim;
    }
    return Math.max(equal / tailMax, headSim);
  }

  /** Compares the clusters of one leaf with the probe; keeps the best that can join (at least the threshold). */
  function bestOf(leaf: Cluster[], structure: number, headLen: number, tailLen: number): void {
    for (let i = 0; i < leaf.length; i++) {
      const c = leaf[i];
      if (c.visited === clock || c.structure !== structure) continue;
      c.visited = clock;
      if (
        probeKeyed &&
        c.keyed &&
        c.key0 !== probeKeys[0] &&
        c.key1 !== probeKeys[1] &&
        c.key2 !== probeKeys[2] &&
        c.key3 !== probeKeys[3] &&
        (c.keys === null || !sharesKeyBeyondFour(c.keys))
      )
        continue;
      const floor = Math.max(threshold, bestSim);
      const sim = similarity(c, headLen, tailLen, floor);
      if (sim < floor) continue;
      if (
        sim > bestSim ||
        (sim === bestSim && best !== null && (c.size > best.size || (c.size === best.size && c.id < best.id)))
      ) {
        best = c;
        bestSim = sim;
      }
    }
  }
  let best: Cluster | null = null;
  let bestSim = -1;

  /** True when one of the group keys beyond the fourth equals the probe's (more than four groups). */
  function sharesKeyBeyondFour(keys: Int32Array): boolean {
    for (let g = 4; g < groupCount; g++) if (keys[g] === probeKeys[g]) return true;
    return false;
  }

  /** Keeps the group keys of a full-length cluster in its fields (all of them in `keys` when more than four). */
  const clusterKeys = new Int32Array(Math.max(4, groupCount));

  function identify(c: Cluster): void {
    c.keyed = groupCount > 0 && c.headLen === H && c.tailLen === T;
    if (c.keyed) {
      groupKeys(c.head, c.tail, clusterKeys);
      c.key0 = clusterKeys[0];
      c.key1 = groupCount > 1 ? clusterKeys[1] : 0;
      c.key2 = groupCount > 2 ? clusterKeys[2] : 0;
      c.key3 = groupCount > 3 ? clusterKeys[3] : 0;
      if (groupCount > 4) c.keys = clusterKeys.slice(0, groupCount);
    } else {
      c.key0 = c.key1 = c.key2 = c.key3 = 0;
      c.keys = null;
    }
    let h1 = fmix32(c.structure ^ 0x2f1b3c4d);
    let h2 = fmix32(c.structure ^ 0x7a3d9e11);
    h1 = combine(h1, c.headLen);
    h2 = combine(h2, c.headLen ^ 0x5851f42d);
    for (let i = 0; i < c.headLen; i++) {
      h1 = combine(h1, c.head[i]);
      h2 = combine(h2, c.head[i] ^ 0x5851f42d);
    }
    h1 = combine(h1, c.tailLen);
    h2 = combine(h2, c.tailLen ^ 0x5851f42d);
    for (let i = 0; i < c.tailLen; i++) {
      h1 = combine(h1, c.tail[i]);
      h2 = combine(h2, c.tail[i] ^ 0x5851f42d);
    }
    c.id = hex64(fmix32(h1), fmix32(h2));
    const parts = c.headText.slice(0, c.headLen);
    if (c.maxLen > H) {
      const contiguous = c.minLen === c.maxLen && c.maxLen <= H + T;
      if (!contiguous) parts.push('<*>');
      for (let i = contiguous ? H + c.tailLen - c.maxLen : 0; i < c.tailLen; i++) parts.push(c.tailText[i]);
    }
    c.text = joinTokens(parts.filter((part, i) => part !== '<*>' || parts[i - 1] !== '<*>'));
  }

  /** A cluster of the given state, its id, text and group keys derived (fields in layout order). */
  function newCluster(state: ClusterState): Cluster {
    const c: Cluster = {
      visited: 0,
      structure: state.structure,
      keyed: false,
      key0: 0,
      key1: 0,
      key2: 0,
      key3: 0,
      keys: null,
      head: state.head,
      headLen: state.headLen,
      tail: state.tail,
      tailLen: state.tailLen,
      headText: state.headText,
      tailText: state.tailText,
      minLen: state.minLen,
      maxLen: state.maxLen,
      size: state.size,
      lastUsed: state.lastUsed,
      id: '',
      text: '',
      leaves: [],
    };
    identify(c);
    return c;
  }

  function merge(
    c: Cluster,
    s: TokenStream,
    headLen: number,
    tailStart: number,
    tailLen: number,
    length: number,
  ): void {
    let changed = false;
    const common = Math.min(c.headLen, headLen);
    for (let i = 0; i < common; i++) {
      if (c.head[i] !== s.hashes[i] && c.head[i] !== WILD) {
        c.head[i] = WILD;
        c.headText[i] = '<*>';
        changed = true;
      }
    }
    if (headLen > c.headLen) {
      for (let i = c.headLen; i < headLen; i++) {
        c.head[i] = WILD;
        c.headText[i] = '<*>';
      }
      c.headLen = headLen;
      changed = true;
    } else if (headLen < c.headLen) {
      for (let i = headLen; i < c.headLen; i++) {
        if (c.head[i] !== WILD) {
          c.head[i] = WILD;
          c.headText[i] = '<*>';
          changed = true;
        }
      }
    }
    const commonTail = Math.min(c.tailLen, tailLen);
    for (let k = 1; k <= commonTail; k++) {
      const at = c.tailLen - k;
      if (c.tail[at] !== s.hashes[tailStart + tailLen - k] && c.tail[at] !== WILD) {
        c.tail[at] = WILD;
        c.tailText[at] = '<*>';
        changed = true;
      }
    }
    if (tailLen !== c.tailLen) {
      const longer = Math.max(tailLen, c.tailLen);
      const tail = new Int32Array(T);
      const text = new Array<string>(T);
      for (let k = 1; k <= longer; k++) {
        const at = longer - k;
        const fromOld = c.tailLen - k;
        tail[at] = k <= commonTail && fromOld >= 0 ? c.tail[fromOld] : WILD;
        text[at] = k <= commonTail && fromOld >= 0 ? c.tailText[fromOld] : '<*>';
      }
      c.tail = tail;
      c.tailText = text;
      c.tailLen = longer;
      changed = true;
    }
    if (length < c.minLen || length > c.maxLen) {
      c.minLen = Math.min(c.minLen, length);
      c.maxLen = Math.max(c.maxLen, length);
      changed = true;
    }
    if (changed) identify(c);
  }

  function register(leaf: Cluster[], c: Cluster): void {
    // a cluster's own list of leaves is short (one or two) and mirrors leaf membership
    if (c.leaves.includes(leaf)) return;
    leaf.push(c);
    c.leaves.push(leaf);
    if (leaf.length > maxPerLeaf) {
      let oldest = 0;
      for (let i = 1; i < leaf.length; i++) if (leaf[i].lastUsed < leaf[oldest].lastUsed) oldest = i;
      unregister(leaf, leaf[oldest]);
    }
  }

  function unregister(leaf: Cluster[], c: Cluster): void {
    const at = leaf.indexOf(c);
    if (at !== -1) leaf.splice(at, 1);
    const own = c.leaves.indexOf(leaf);
    if (own !== -1) c.leaves.splice(own, 1);
    if (c.leaves.length === 0) all.delete(c);
  }

  function evict(): void {
    const sorted = [...all].sort((a, b) => a.lastUsed - b.lastUsed);
    const drop = Math.max(1, Math.floor(maxClusters / 10));
    for (let i = 0; i < drop && i < sorted.length; i++) {
      const c = sorted[i];
      for (const leaf of [...c.leaves]) unregister(leaf, c);
      all.delete(c);
    }
  }

  function add(s: TokenStream, structure = 0): Template {
    clock++;
    const n = s.count;
    const headLen = Math.min(n, H);
    const tailLen = Math.min(T, n);
    const tailStart = n - tailLen;
    const headLeaf = route(headRoot, structure, s, false).clusters;
    const tailLeaf = route(tailRoot, structure, s, true).clusters;
    const hashes = s.hashes;
    for (let i = 0; i < headLen; i++) probeHead[i] = hashes[i];
    for (let i = 0; i < tailLen; i++) probeTail[i] = hashes[tailStart + i];
    probeKeyed = groupCount > 0 && headLen === H && tailLen === T;
    if (probeKeyed) groupKeys(probeHead, probeTail, probeKeys);
    best = null;
    bestSim = -1;
    bestOf(headLeaf, structure, headLen, tailLen);
    bestOf(tailLeaf, structure, headLen, tailLen);
    let cluster: Cluster;
    if (best !== null && bestSim >= threshold) {
      cluster = best as Cluster;
      merge(cluster, s, headLen, tailStart, tailLen, n);
      cluster.size++;
    } else {
      const head = new Int32Array(H);
      const headText = new Array<string>(H);
      for (let i = 0; i < headLen; i++) {
        head[i] = s.hashes[i];
        headText[i] = tokenText(s, i);
      }
      const tail = new Int32Array(T);
      const tailText = new Array<string>(T);
      for (let i = 0; i < tailLen; i++) {
        tail[i] = s.hashes[tailStart + i];
        tailText[i] = tokenText(s, tailStart + i);
      }
      cluster = newCluster({
        structure,
        head,
        headLen,
        tail,
        tailLen,
        headText,
        tailText,
        minLen: n,
        maxLen: n,
        size: 1,
        lastUsed: clock,
      });
      cluster.visited = clock;
      all.add(cluster);
      if (all.size > maxClusters) evict();
    }
    cluster.lastUsed = clock;
    register(headLeaf, cluster);
    register(tailLeaf, cluster);
    return cluster;
  }

  function exportState(): MinerState {
    const clusters = [...all];
    const index = new Map(clusters.map((c, i) => [c, i]));
    const nodeState = (node: TreeNode): NodeState => ({
      children: [...node.children].map(([token, child]) => [token, nodeState(child)]),
      clusters: node.clusters.map((c) => index.get(c) as number),
    });
    return {
      clock,
      clusters: clusters.map(copyOf),
      head: nodeState(headRoot),
      tail: nodeState(tailRoot),
    };
  }

  function importState(state: MinerState): void {
    const clusters = state.clusters.map((c) => newCluster(copyOf(c)));
    const restore = (node: TreeNode, saved: NodeState) => {
      node.children.clear();
      for (const [token, child] of saved.children) {
        const restored = newNode();
        restore(restored, child);
        node.children.set(token, restored);
      }
      node.clusters = saved.clusters.map((i) => clusters[i]);
      for (const c of node.clusters) c.leaves.push(node.clusters);
    };
    restore(headRoot, state.head);
    restore(tailRoot, state.tail);
    all.clear();
    for (const c of clusters) all.add(c);
    clock = state.clock;
  }

  return {
    add,
    exportState,
    importState,
    templates: () =>
      [...all]
        .sort((a, b) => b.size - a.size || (a.id < b.id ? -1 : 1))
        .map((c) => ({ id: c.id, text: c.text, size: c.size })),
    get size() {
      return all.size;
    },
  };
}
