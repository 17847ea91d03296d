/**
 * The campaign engine: the global, per-tick half of the pipeline (DESIGN.md section 3). It keeps
 * the latest summary of every account, maintains the weighted account graph incrementally
 * (src/link), re-clusters the components that changed (src/cluster), scores the clusters that
 * changed with the registered detectors and the versioned weights, runs the campaign lifecycle
 * (suspected, confirmed, dismissed, closed), flags accounts, and attributes campaigns to earlier
 * confirmed ones. It is pure and deterministic: its only clock is the event time `now` passed to
 * `tick`, and it reads nothing but the summaries it was given, so a replay truncated at T gives
 * the same flags before T. Work per tick follows what changed (re-keying is geometric in an
 * account's volume, re-linking happens only when its key set changed, with a per-tick cap).
 */

import { type ClusterConfig, type ClusterState, createClusterState, recluster } from '../cluster/cluster.js';
import { residencyInputOf } from '../core/summary.js';
import { type ChangedSummary, isWireSummary, parseSummary } from '../core/summary-wire.js';
import type {
  AccountSummary,
  AccountVerdict,
  CampaignResult,
  CampaignStatus,
  EpochMs,
  Evidence,
  ResidencyInput,
  ResidencyVerdict,
} from '../core/types.js';
import { DETECTORS, type Detector, type DetectorContext } from '../detectors/index.js';
import {
  accountId,
  createLinkGraph,
  explainPair,
  holders,
  KEY_INFO_HOLDER,
  keyInfo,
  type LinkConfig,
  type LinkGraph,
  type LinkGraphJSON,
  linkGraphFromJSON,
  linkGraphToJSON,
  neighbours,
  relinkAccount,
  scorePair,
  setAccountKeys,
} from '../link/graph.js';
import {
  type AccountKeys,
  digestFromWire,
  keyOf,
  type LinkDigest,
  linkDigest,
  withKey,
} from '../link/keys.js';
import { KIND, KINDS, type LinkKind } from '../link/kinds.js';
import { findTemplateSets } from '../link/template-sets.js';
import { residencyVerdict } from '../residency/index.js';
import { type AttributionKind, attribute, type HeldValue } from './attribution.js';
import { bridgedCore } from './bridges.js';
import { checkEngineConfig } from './config.js';
import { scoreCluster } from './score.js';
import { bigEnoughForCampaign, DEFAULT_WEIGHTS, type ScoreWeights } from './weights.js';

const HOUR = 3_600_000;
/** A dismissed campaign is judged again once it grew by half and by at least this many accounts. */
const REGROWN_ACCOUNTS = 5;

/** Engine configuration; every field has a documented default. */
export interface EngineConfig {
  link: Partial<LinkConfig>;
  cluster: Partial<ClusterConfig>;
  weights: ScoreWeights;
  detectors: readonly Detector<unknown>[];
  /** Residency verdict of one account (src/residency's `residencyVerdict` in the pipeline). */
  residency: (input: ResidencyInput) => ResidencyVerdict;
  /** An account's keys are recomputed when its volume grew by half, its identity changed, or after this long. */
  rekeyEveryMs: number;
  /** An account is re-linked when this share of its keys changed (or its identity did). */
  relinkChange: number;
  /** Accounts re-linked per tick at most (the rest wait for the next tick, oldest first). */
  maxRelinkPerTick: number;
  /** A small candidate cluster whose members changed is re-scored at most this often (see `due`). */
  rescoreEveryMs: number;
  /** Edges returned by `graph()` at most (the strongest). */
  graphEdgeLimit: number;
  /** Template sets (src/link/template-sets.ts) are found again this often in event time. */
  templateSetEveryMs: number;
  /** Called after each cluster scoring (calibration and diagnostics; must not change anything). */
  onScored?: (event: ScoredEvent) => void;
}

/** One cluster scoring, as reported to `onScored`. */
export interface ScoredEvent {
  id: string;
  now: EpochMs;
  accounts: string[];
  /** Detector id -> value in [0, 1] (the row a calibration fits on). */
  values: Record<string, number>;
  score: number;
  status: CampaignStatus | 'candidate';
  /** The members' exchanges so far. */
  exchanges: number;
  /** Members already flagged when this scoring began. */
  flagged: number;
}

/** Defaults. */
export const DEFAULT_ENGINE_CONFIG: EngineConfig = {
  link: {},
  cluster: {},
  weights: DEFAULT_WEIGHTS,
  detectors: DETECTORS,
  residency: (input) => residencyVerdict(input),
  rekeyEveryMs: 12 * HOUR,
  relinkChange: 0.05,
  maxRelinkPerTick: 50_000,
  rescoreEveryMs: HOUR,
  graphEdgeLimit: 2_000,
  templateSetEveryMs: 3 * HOUR,
};

/** What one tick did. */
export interface TickResult {
  now: EpochMs;
  /** Summaries received. */
  changed: number;
  /** Accounts whose links were recomputed, and those still waiting (work cap). */
  relinked: number;
  pendingRelinks: number;
  /** Clusters re-scored. */
  scored: number;
  /** Campaigns first detected at this tick, and accounts first flagged. */
  detected: string[];
  flagged: number;
  /** Detected campaigns so far. */
  campaigns: number;
}

/** A campaign graph for the dashboard. */
export interface CampaignGraph {
  nodes: { id: string; risk: number }[];
  edges: { source: string; target: string; weight: number; kinds: string[]; evidence: Evidence[] }[];
}

/** A cluster as the engine sees it (a campaign when detected, else a candidate). */
export interface ClusterView {
  id: string;
  status: CampaignStatus | 'candidate';
  score: number;
  accounts: number;
  evidence: Evidence[];
}

/** One link of an account. */
export interface AccountLink {
  account: string;
  weight: number;
  evidence: Evidence[];
}

/** The engine's interface (see docs/detection.md). */
export interface CampaignEngine {
  /**
   * Feeds the summaries changed since the previous tick, at event time `now` (non-decreasing);
   * summaries in wire form are decoded one at a time.
   */
  tick(changed: readonly ChangedSummary[], now: EpochMs): TickResult;
  /** Detected campaigns (suspected, confirmed, dismissed, closed), by id. */
  campaigns(): CampaignResult[];
  /** One verdict per account seen. */
  verdicts(): AccountVerdict[];
  /** A campaign's accounts and the edges between them with their evidence. */
  graph(campaignId: string): CampaignGraph | undefined;
  /** An account's links, strongest first. */
  links(account: string): AccountLink[];
  /**
   * The cluster an account belongs to, detected or not, with its score and evidence (for benign
   * look-alikes the evidence says what made them benign-looking); null when it is in none.
   */
  clusterOf(account: string): ClusterView | null;
  /** A reviewer's decision: confirm or dismiss a campaign (dismissing clears its accounts' flags). */
  review(campaignId: string, action: 'confirm' | 'dismiss', note?: string): void;
  /** The whole state as plain JSON (restore with `restoreCampaignEngine`). */
  toJSON(): EngineJSON;
}

type Status = CampaignStatus | 'candidate';

interface CampaignState {
  id: string;
  status: Status;
  score: number;
  detectedAt: EpochMs | null;
  confirmedAt: EpochMs | null;
  members: number[];
  evidence: Evidence[];
  exchanges: number;
  capabilities: Record<string, number>;
  firstSeen: EpochMs | null;
  lastSeen: EpochMs | null;
  lastScoredAt: EpochMs;
  scoredSize: number;
  attribution: { campaign: string; summary: string } | null;
  /** When the attribution was last looked for (absent in states saved before it was per value). */
  attributedAt?: EpochMs | null;
  review: { action: 'confirm' | 'dismiss'; note: string | null; at: EpochMs | null } | null;
  mergedInto: string | null;
  /** Accounts when a reviewer dismissed it (absent in states saved before re-raising existed). */
  dismissedSize?: number;
  /** Why a dismissed campaign was judged again, shown first in its evidence. */
  reraised?: string;
  /**
   * Accounts flagged beside the linked cluster, why, and for what: sharing an instrument with its
   * flagged members (no third element, as in states saved before programmes) or following its programme.
   */
  satellites?: [number, string, 'programme'?][];
}

/** Serialised engine state. */
export interface EngineJSON {
  version: 1;
  now: EpochMs | null;
  graph: LinkGraphJSON;
  clusters: {
    clusterOf: [number, string][];
    members: [string, number[]][];
    nextId: number;
    lastFull: [string, { size: number; at: EpochMs }][];
  };
  summaries: (AccountSummary | null)[];
  keyedAt: number[];
  keyedExchanges: number[];
  stamps: string[];
  relinkQueue: number[];
  campaigns: CampaignState[];
  flags: [number, { at: EpochMs; campaign: string }][];
  /** Account -> its template set, and when template sets were last found (absent in older states). */
  templateSetOf?: [number, string][];
  templateSetsAt?: EpochMs | null;
}

interface State {
  now: EpochMs | null;
  g: LinkGraph;
  clusters: ClusterState;
  /**
   * Each account's latest summary: the object once something read it (`summaryOf`), else the
   * wire JSON it came in as (core/summary-wire.ts), ~3.5 KB instead of ~13 KB: accounts in no
   * scored cluster are never read (at 0.05 this took the engine's live heap from 244 to 191 MiB).
   */
  summaries: (AccountSummary | string | null)[];
  keyedAt: number[];
  keyedExchanges: number[];
  stamps: string[];
  relinkQueue: Set<number>;
  campaigns: Map<string, CampaignState>;
  flags: Map<number, { at: EpochMs; campaign: string }>;
  templateSetOf: Map<number, string>;
  templateSetsAt: EpochMs | null;
}

function iso(t: EpochMs | null): string | null {
  return t === null ? null : new Date(t).toISOString();
}

const SENIORITY: Record<Status, number> = {
  confirmed: 4,
  suspected: 3,
  dismissed: 2,
  closed: 1,
  candidate: 0,
};

/** Creates a campaign engine (see `CampaignEngine`). */
export function createCampaignEngine(config: Partial<EngineConfig> = {}): CampaignEngine {
  checkEngineConfig(config);
  const cfg: EngineConfig = { ...DEFAULT_ENGINE_CONFIG, ...config };
  return engineOn(cfg, {
    now: null,
    g: createLinkGraph(cfg.link),
    clusters: createClusterState(cfg.cluster),
    summaries: [],
    keyedAt: [],
    keyedExchanges: [],
    stamps: [],
    relinkQueue: new Set(),
    campaigns: new Map(),
    flags: new Map(),
    templateSetOf: new Map(),
    templateSetsAt: null,
  });
}

/** Restores an engine from `toJSON()` output (configuration other than link and cluster parameters comes from `config`). */
export function restoreCampaignEngine(json: EngineJSON, config: Partial<EngineConfig> = {}): CampaignEngine {
  checkEngineConfig(config);
  const cfg: EngineConfig = { ...DEFAULT_ENGINE_CONFIG, ...config };
  const clusters = createClusterState(cfg.cluster);
  clusters.clusterOf = new Map(json.clusters.clusterOf);
  clusters.members = new Map(json.clusters.members);
  clusters.nextId = json.clusters.nextId;
  clusters.lastFull = new Map(json.clusters.lastFull);
  return engineOn(cfg, {
    now: json.now,
    g: linkGraphFromJSON(json.graph),
    clusters,
    summaries: json.summaries,
    keyedAt: json.keyedAt,
    keyedExchanges: json.keyedExchanges,
    stamps: json.stamps,
    relinkQueue: new Set(json.relinkQueue),
    campaigns: new Map(json.campaigns.map((c) => [c.id, withoutFootprint(c)])),
    flags: new Map(json.flags),
    templateSetOf: new Map(json.templateSetOf ?? []),
    templateSetsAt: json.templateSetsAt ?? null,
  });
}

function engineOn(cfg: EngineConfig, st: State): CampaignEngine {
  const residencyCache = new WeakMap<AccountSummary, ResidencyVerdict>();
  // Per tick, reset after the scorings (which close and merge campaigns): see `heirOf`.
  const heirs = new Map<string, string>();
  // A detector the weights ignore cannot move a score and never reaches the evidence (under 0.05
  // of contribution): it is measured only for a hook that reads the whole feature vector
  // (calibration, tracing). Three of them cost a fifth of the engine's time on alibaba 0.01.
  const scoring = cfg.onScored
    ? cfg.detectors
    : cfg.detectors.filter((d) => (cfg.weights.weights[d.id] ?? 0) !== 0);
  const context = (now: EpochMs): DetectorContext => ({
    now,
    holders: (kind, value) => holders(st.g, keyOf(kind, value)),
    residency: (s) => {
      let v = residencyCache.get(s);
      if (!v) {
        v = cfg.residency(residencyInputOf(s));
        residencyCache.set(s, v);
      }
      return v;
    },
  });
  const seniority = (id: string) => SENIORITY[st.campaigns.get(id)?.status ?? 'candidate'];

  function ingest(changed: readonly ChangedSummary[], now: EpochMs): Set<number> {
    const touchedMembers = new Set<number>();
    for (const item of changed) {
      const id = accountId(st.g, item.account);
      // Decoded one at a time, and only when read: a summary in wire form with its link digest
      // (made in the worker) stays a string unless the engine keeps this account's decoded.
      const kept = st.summaries[id];
      let s: AccountSummary | undefined;
      let d: LinkDigest;
      if (!isWireSummary(item)) {
        s = item;
        st.summaries[id] = s;
        d = linkDigest(s);
      } else {
        if (typeof kept === 'object' && kept !== null) s = parseSummary(item.wire);
        st.summaries[id] = s ?? item.wire;
        d =
          item.digest !== undefined ? digestFromWire(item.digest) : linkDigest(s ?? parseSummary(item.wire));
      }
      touchedMembers.add(id);
      const never = st.keyedAt[id] === undefined;
      const due =
        never ||
        d.stamp !== st.stamps[id] ||
        d.exchanges >= st.keyedExchanges[id] * 1.5 + 3 ||
        (now - st.keyedAt[id] >= cfg.rekeyEveryMs && d.exchanges !== st.keyedExchanges[id]);
      if (!due) continue;
      st.keyedAt[id] = now;
      st.keyedExchanges[id] = d.exchanges;
      const identityChanged = d.stamp !== st.stamps[id];
      st.stamps[id] = d.stamp;
      const before = st.g.keys[id].length;
      const changedKeys = setAccountKeys(st.g, id, withTemplateSet(id, d.keys), d.design, d.exchanges);
      // Re-link on a new identity or a material change of the key set, not on tail churn.
      if (
        never ||
        identityChanged ||
        changedKeys >= Math.max(1, cfg.relinkChange * Math.max(before, st.g.keys[id].length))
      ) {
        st.relinkQueue.add(id);
      }
    }
    return touchedMembers;
  }

  /** An account's linking keys: those of its summary, and its template set if it has one. */
  function withTemplateSet(a: number, keys: AccountKeys): AccountKeys {
    const set = st.templateSetOf.get(a);
    if (set === undefined) return keys;
    return withKey(keys, keyOf('template-set', set));
  }

  /**
   * Finds the template sets again (every `templateSetEveryMs` of event time) and re-keys the
   * accounts whose set changed, queueing them for re-linking; returns the accounts that joined one.
   */
  function refreshTemplateSets(now: EpochMs): number[] {
    if (st.templateSetsAt !== null && now - st.templateSetsAt < cfg.templateSetEveryMs) return [];
    st.templateSetsAt = now;
    const next = new Map<number, string>();
    for (const p of findTemplateSets(st.g)) for (const a of p.accounts) next.set(a, p.id);
    const changed = new Set<number>();
    for (const [a, id] of next) if (st.templateSetOf.get(a) !== id) changed.add(a);
    for (const a of st.templateSetOf.keys()) if (!next.has(a)) changed.add(a);
    st.templateSetOf = next;
    for (const a of [...changed].sort((x, y) => x - y)) {
      const s = summaryOf(a);
      if (!s) continue;
      const d = linkDigest(s);
      setAccountKeys(st.g, a, withTemplateSet(a, d.keys), d.design, d.exchanges);
      st.relinkQueue.add(a);
    }
    return [...next.keys()].filter((a) => changed.has(a));
  }

  function relink(): { relinked: number; touched: Set<number> } {
    const order = [...st.relinkQueue].sort((a, b) => a - b).slice(0, cfg.maxRelinkPerTick);
    const touched = new Set<number>();
    for (const a of order) {
      st.relinkQueue.delete(a);
      for (const b of relinkAccount(st.g, a)) touched.add(b);
    }
    return { relinked: order.length, touched };
  }

  /** An account's latest summary, decoded and kept as an object from now on if it was a string. */
  function summaryOf(a: number): AccountSummary | null | undefined {
    const kept = st.summaries[a];
    if (typeof kept !== 'string') return kept;
    const s = parseSummary(kept);
    st.summaries[a] = s;
    return s;
  }

  function membersOf(c: CampaignState): AccountSummary[] {
    return c.members.map(summaryOf).filter((s): s is AccountSummary => s !== null && s !== undefined);
  }

  function rescore(c: CampaignState, now: EpochMs, result: TickResult): void {
    const members = membersOf(c);
    const scored = scoreCluster(members, context(now), scoring, cfg.weights);
    c.lastScoredAt = now;
    c.scoredSize = members.length;
    c.score = scored.score;
    let exchanges = 0;
    const caps: Record<string, number> = {};
    let first: number | null = null;
    let last: number | null = null;
    for (const s of members) {
      exchanges += s.exchanges;
      for (const [k, n] of Object.entries(s.capabilities)) caps[k] = (caps[k] ?? 0) + n;
      if (s.firstSeen !== null && (first === null || s.firstSeen < first)) first = s.firstSeen;
      if (s.lastSeen !== null && (last === null || s.lastSeen > last)) last = s.lastSeen;
    }
    c.exchanges = exchanges;
    c.capabilities = Object.fromEntries(
      Object.entries(caps)
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .map(([k, n]) => [k, exchanges > 0 ? Math.round((n / exchanges) * 1000) / 1000 : 0]),
    );
    c.firstSeen = first;
    c.lastSeen = last;
    c.evidence = scored.evidence;
    const w = cfg.weights;
    cfg.onScored?.({
      id: c.id,
      now,
      accounts: members.map((m) => m.account),
      values: Object.fromEntries(scored.contributions.map((f) => [f.detector, f.value])),
      score: scored.score,
      status: c.status,
      exchanges,
      flagged: c.members.reduce((n, a) => n + (st.flags.has(a) ? 1 : 0), 0),
    });
    // One accountable customer (one declared organisation billed to one instrument, residency not
    // contradicted) is left to a reviewer: it is scored and explained, never flagged automatically.
    const value = (id: string) => scored.contributions.find((f) => f.detector === id)?.value ?? 0;
    const accountable =
      w.accountableCustomer !== undefined &&
      value('organisation-cohesion') >= w.accountableCustomer.cohesion &&
      value('residency-inconsistency') < w.accountableCustomer.maxResidencyInconsistency;
    if (accountable) {
      c.evidence = [
        {
          kind: 'accountable-customer',
          weight: 0,
          summary:
            'benign-looking: the accounts are one declared organisation billed to one payment instrument, with consistent residency; not flagged automatically (review if needed)',
        },
        ...c.evidence,
      ];
    }
    const eligible = !accountable && bigEnoughForCampaign(w, members.length, exchanges, scored.score);
    const regrown = c.status === 'dismissed' && grownSinceDismissal(c);
    if ((c.status === 'candidate' || regrown) && eligible && scored.score >= w.thresholds.suspected) {
      // A re-raised campaign is detected anew: its members are flagged as at a first detection.
      if (regrown) reraise(c);
      c.status = 'suspected';
      c.detectedAt = now;
      result.detected.push(c.id);
    }
    if (c.status === 'suspected' && eligible && scored.score >= w.thresholds.confirmed) {
      c.status = 'confirmed';
      c.confirmedAt = now;
    }
    if (c.status === 'suspected' || c.status === 'confirmed') {
      if (c.attributedAt == null || now - c.attributedAt >= 24 * HOUR || c.detectedAt === now) {
        c.attributedAt = now;
        const earlier = [...st.campaigns.values()]
          .filter(
            (o) =>
              o.id !== c.id &&
              o.status === 'confirmed' &&
              (o.detectedAt ?? 0) <= (c.detectedAt ?? now) &&
              o.mergedInto === null,
          )
          .map((o) => o.id);
        const found =
          earlier.length === 0 ? null : attribute(heldValues(c), earlier, carriedFlags(c), c.members.length);
        c.attribution = found ? { campaign: found.campaign, summary: found.summary } : null;
      }
      if (mayFlag(c)) flagMembers(c, now, result, scored.score >= w.thresholds.suspected && eligible);
    }
  }

  /**
   * Whether a detected campaign may flag more accounts: only while its latest scoring as a whole
   * still reaches the threshold, or a reviewer confirmed it. A campaign that absorbed a benign
   * region scores lower as a whole, and must not pass its old status on to that region. A
   * confirmed one whose score dips only to `keep` while most of its members are flagged goes on:
   * a few young members joined, with too little traffic yet to look like the rest.
   */
  function mayFlag(c: CampaignState): boolean {
    if (c.status !== 'suspected' && c.status !== 'confirmed') return false;
    const { suspected, keep } = cfg.weights.thresholds;
    if (c.review?.action === 'confirm' || c.score >= suspected) return true;
    if (c.status !== 'confirmed' || keep === undefined || c.score < keep) return false;
    let flagged = 0;
    for (const a of c.members) if (st.flags.has(a)) flagged++;
    return flagged >= KEEP_FLAGGED_SHARE * c.members.length;
  }

  /**
   * Flags the members of a detected campaign. A member hanging on the campaign by a single link is
   * shown with it but flagged only once a second link to another member confirms it (a benign
   * account that shares one proxy exit with a campaign is not enforced against).
   */
  function flagMembers(c: CampaignState, now: EpochMs, result: TickResult, validated: boolean): void {
    const inside = new Set(c.members);
    const holdersByValue = new Map<number, ValueHolders>();
    const first = c.detectedAt === now;
    // A group hanging on the rest by a single link waits for a second one (found when first needed).
    let core: Set<number> | null = null;
    // At detection every member with two links in it is flagged. Later, a scoring that still puts
    // the whole cluster above the threshold flags members with a quarter of their link weight to
    // flagged accounts; between scorings a joiner needs two links and half its link weight to
    // them. A flag thus advances at most one layer per scoring and does not creep through a
    // benign region that touches the campaign. A group cut off from the densest part of the
    // cluster by a single link (`bridgedCore`) is not flagged. A member linked only by address and
    // software whose prompts do not follow the campaign is left out (`offProgramme`): at detection
    // its links to any member count, as nobody is flagged yet.
    for (const a of c.members) {
      if (st.flags.has(a)) continue;
      let links = 0;
      let toFlagged = 0;
      let flaggedWeight = 0;
      let totalWeight = 0;
      for (const [b, w] of neighbours(st.g, a)) {
        totalWeight += w;
        if (!inside.has(b)) continue;
        links++;
        if (st.flags.has(b)) {
          toFlagged++;
          flaggedWeight += w;
        }
      }
      if (c.members.length > 2 && links < 2) continue;
      if (!first && validated && flaggedWeight < 0.25 * totalWeight) continue;
      if (!validated && (toFlagged < 2 || flaggedWeight < 0.5 * totalWeight)) continue;
      core ??= bridgedCore(c.members, (x) => neighbours(st.g, x));
      if (!core.has(a)) continue;
      if (offProgramme(a, c, holdersByValue) && !operatorLinked(a, inside, first)) continue;
      st.flags.set(a, { at: now, campaign: c.id });
      result.flagged++;
    }
  }

  /**
   * Flags an account that shares a payment instrument or a device with flagged members of one
   * detected campaign: at least `SATELLITE_MIN_FLAGGED` of them, and at least half of the
   * instrument's other holders. Short-lived replacement accounts often send too little to link on
   * their own, but an operator reuses its cards and machines, while a household's shared computer
   * or card holds no flagged account. A template set counts the same way, for an account that
   * also sends `SET_FOLLOWING_SHARE` of its shared-template traffic to the campaign's templates:
   * it sends what the campaign's flagged members send together, and little else anyone shares
   * (slow accounts behind rotating proxies send too little for a link of their own, but their few
   * prompts come from the script; a developer who sends a few of a campaign's coding prompts
   * sends many more that others send too). The campaign lists the account, and its evidence says why.
   */
  function flagSatellites(
    accounts: Iterable<number>,
    now: EpochMs,
    result: TickResult,
    holdersByValue: Map<number, ValueHolders>,
  ): void {
    if (st.flags.size === 0) return;
    const info = keyInfo(st.g);
    // Which campaign a key's flagged holders make it a satellite of: the same for every unflagged
    // holder (it is one of the others of each), so a key many touched accounts hold is tallied
    // once, until a new flag changes the tallies.
    const tallies = new Map<number, Tally | null>();
    for (const a of accounts) {
      if (st.flags.has(a)) continue;
      for (const keyId of st.g.keys[a]) {
        const { kind } = KINDS[info[keyId] % KEY_INFO_HOLDER];
        if (!SATELLITE_KINDS.includes(kind)) continue;
        let tally = tallies.get(keyId);
        if (tally === undefined) {
          tally = satelliteTally(st.g.postings[keyId]);
          tallies.set(keyId, tally);
        }
        if (tally === null) continue;
        const { campaign: id, flagged: n, others } = tally;
        const c = st.campaigns.get(id);
        if (!c || !mayFlag(c)) continue;
        const key = st.g.keyText[keyId];
        if (kind === 'template-set') {
          const { volume, following } = programmeFollowing(a, c, holdersByValue);
          if (following < SET_FOLLOWING_SHARE * volume) continue;
        }
        st.flags.set(a, { at: now, campaign: c.id });
        tallies.clear();
        result.flagged++;
        const held = `${n} flagged member${n === 1 ? '' : 's'} of ${others} other holder${others === 1 ? '' : 's'}`;
        c.satellites ??= [];
        if (kind === 'template-set')
          c.satellites.push([
            a,
            `sends templates of the set template ${key.slice(key.indexOf('|') + 1)} belongs to, as do ${held}`,
            'programme',
          ]);
        else
          c.satellites.push([
            a,
            `${KIND[kind].label} ${key.slice(key.indexOf('|') + 1)} shared with ${held}`,
          ]);
        break;
      }
    }
  }

  /**
   * The campaign a satellite key's flagged holders stand for, read over all its holders (the
   * account asking is one of them and unflagged): the first campaign, in holder order, with at
   * least `SATELLITE_MIN_FLAGGED` flagged holders and at least half of the others. Null when none.
   */
  function satelliteTally(holderIds: readonly number[]): Tally | null {
    const others = holderIds.length - 1;
    const flaggedBy = new Map<string, number>();
    for (const b of holderIds) {
      const flag = st.flags.get(b);
      if (!flag) continue;
      const campaign = heirOf(flag.campaign);
      flaggedBy.set(campaign, (flaggedBy.get(campaign) ?? 0) + 1);
    }
    for (const [campaign, flagged] of flaggedBy)
      if (flagged >= SATELLITE_MIN_FLAGGED && flagged >= others / 2) return { campaign, flagged, others };
    return null;
  }

  /**
   * Flags an account whose prompt traffic follows one detected campaign's programme: at least
   * `PROGRAMME_SHARE` of its template traffic (`PROGRAMME_FEW_SHARE` for a slow account with less
   * than `PROGRAMME_MIN_EXCHANGES` of it) goes to templates used mostly by that campaign's
   * accounts, flagged or members not flagged yet (see `mostlyCampaign`), each template's traffic
   * weighted by the share of its other holders that are, from at least `PROGRAMME_MIN_VALUES` such
   * templates. Accounts on rotating residential proxies and short-lived replacements share no
   * address or instrument, and each pair of them agrees on too little to make an edge; what gives
   * them away is that they send what the campaign sends. The rule also reaches the campaign's own
   * members that one-layer-per-scoring flagging has not reached yet. A popular template that a
   * campaign also sends has more holders outside it than on its side and does not count, so its
   * ordinary users stay below the bar.
   */
  function flagProgrammeFollowers(
    accounts: Iterable<number>,
    now: EpochMs,
    result: TickResult,
    holdersByValue: Map<number, ValueHolders>,
  ): void {
    if (st.flags.size === 0) return;
    for (const a of accounts) {
      if (st.flags.has(a)) continue;
      const best = programmeShare(a, holdersByValue);
      if (!best) continue;
      const c = st.campaigns.get(best.campaign);
      if (!c || !mayFlag(c)) continue;
      st.flags.set(a, { at: now, campaign: c.id });
      result.flagged++;
      const pct = Math.round(best.share * 100);
      c.satellites ??= [];
      c.satellites.push([
        a,
        `${pct}% of its prompts follow ${best.values} templates used mostly by the campaign's accounts (e.g. template ${best.example})`,
        'programme',
      ]);
    }
  }

  /**
   * The unflagged holders of the templates a campaign's flagged members mostly send: checked at
   * each of its scorings, so a replacement that went quiet before the campaign was detected is
   * still found.
   */
  function programmeAudience(c: CampaignState, holdersByValue: Map<number, ValueHolders>): number[] {
    const audience = new Set<number>();
    const seen = new Set<number>();
    for (const m of c.members) {
      if (!st.flags.has(m) || campaignSideOf(m) !== c.id) continue;
      for (const keyId of st.g.keys[m]) {
        if (seen.has(keyId) || !isProgrammeKey(st.g.keyText[keyId])) continue;
        seen.add(keyId);
        const h = valueHolders(keyId, holdersByValue);
        if (!mostlyCampaign(h.flagged.get(c.id) ?? 0, h.side.get(c.id) ?? 0, h.holders - 1)) continue;
        for (const b of st.g.postings[keyId]) if (!st.flags.has(b)) audience.add(b);
      }
    }
    return [...audience];
  }

  /**
   * Whether an account's prompts visibly do not follow a campaign's programme: of at least
   * `PROGRAMME_FEW_EXCHANGES` exchanges on templates shared with two or more accounts, under
   * `OFF_PROGRAMME_SHARE` go to templates held mostly by the campaign's side. A subscriber whose
   * home address a campaign's residential proxies pass through links to its members by address,
   * ISP, mail domain and bank, but chats like everyone else, often only a few prompts by the time
   * the campaign is detected; a campaign's own accounts, paraphrased or aged, share its templates
   * or send templates nobody else does (which do not count).
   */
  function offProgramme(a: number, c: CampaignState, holdersByValue: Map<number, ValueHolders>): boolean {
    const { volume, following } = programmeFollowing(a, c, holdersByValue);
    return volume >= PROGRAMME_FEW_EXCHANGES && following < OFF_PROGRAMME_SHARE * volume;
  }

  /**
   * An account's traffic on templates shared with two or more accounts (`volume`), and how much of
   * it goes to templates held mostly by the campaign's side, each weighted by that side's share of
   * the other holders (`following`).
   */
  function programmeFollowing(
    a: number,
    c: CampaignState,
    holdersByValue: Map<number, ValueHolders>,
  ): { volume: number; following: number } {
    const keys = st.g.keys[a];
    const counts = st.g.counts[a];
    const own = campaignSideOf(a) === c.id ? 1 : 0;
    let volume = 0;
    let following = 0;
    for (let k = 0; k < keys.length; k++) {
      if (!isProgrammeKey(st.g.keyText[keys[k]])) continue;
      const h = valueHolders(keys[k], holdersByValue);
      const others = h.holders - 1;
      if (others < 2) continue;
      volume += counts[k];
      const side = (h.side.get(c.id) ?? 0) - own;
      if (side >= PROGRAMME_VALUE_SIDE * others) following += (counts[k] * side) / others;
    }
    return { volume, following };
  }

  /**
   * Whether an account links to a flagged member of the campaign (to any member, with `anyMember`)
   * by something an operator shares by running accounts (an instrument, a device, an organisation,
   * prompts), rather than only by where it connects from and what software it uses.
   */
  function operatorLinked(a: number, inside: Set<number>, anyMember: boolean): boolean {
    for (const [b] of neighbours(st.g, a)) {
      if (!inside.has(b) || (!anyMember && !st.flags.has(b))) continue;
      for (const part of scorePair(st.g, a, b).parts)
        if (OPERATOR_KINDS.has(part.kind) && part.bits >= 1) return true;
    }
    return false;
  }

  /** An account's strongest programme share with one campaign, if it reaches the bar. */
  function programmeShare(a: number, holdersByValue: Map<number, ValueHolders>): ProgrammeShare | null {
    const keys = st.g.keys[a];
    const counts = st.g.counts[a];
    const ownCampaign = campaignSideOf(a);
    let volume = 0;
    const weighted = new Map<string, number>();
    const values = new Map<string, number>();
    const example = new Map<string, [number, string]>();
    for (let k = 0; k < keys.length; k++) {
      const key = st.g.keyText[keys[k]];
      if (!isProgrammeKey(key)) continue;
      volume += counts[k];
      const h = valueHolders(keys[k], holdersByValue);
      const others = h.holders - 1;
      for (const [campaign, flagged] of h.flagged) {
        // the account itself is not one of the other holders
        const side = (h.side.get(campaign) ?? 0) - (ownCampaign === campaign ? 1 : 0);
        if (!mostlyCampaign(flagged, side, others)) continue;
        const part = (counts[k] * side) / others;
        weighted.set(campaign, (weighted.get(campaign) ?? 0) + part);
        values.set(campaign, (values.get(campaign) ?? 0) + 1);
        const top = example.get(campaign);
        if (!top || part > top[0])
          example.set(campaign, [
            part,
            `${key.slice(2)}: ${Math.round(flagged)} of its ${others} other holders flagged` +
              (side > flagged ? `, ${Math.round(side - flagged)} more in the campaign` : ''),
          ]);
      }
    }
    if (volume < PROGRAMME_FEW_EXCHANGES) return null;
    // Less template traffic than a share means much on needs a stronger share.
    const bar = volume < PROGRAMME_MIN_EXCHANGES ? PROGRAMME_FEW_SHARE : PROGRAMME_SHARE;
    let best: ProgrammeShare | null = null;
    for (const [campaign, w] of [...weighted].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
      const share = w / volume;
      const n = values.get(campaign) ?? 0;
      if (share < bar || n < PROGRAMME_MIN_VALUES || (best && share <= best.share)) continue;
      best = { campaign, share, values: n, example: example.get(campaign)?.[1] ?? '' };
    }
    return best;
  }

  /**
   * How many accounts hold a value and how many of them carry each campaign's flag (read from at
   * most `PROGRAMME_SAMPLE` holders spread over the posting, scaled up: a popular template's
   * exact count is not needed to see that its holders are not mostly flagged). Cached per tick.
   */
  function valueHolders(keyId: number, cache: Map<number, ValueHolders>): ValueHolders {
    const cached = cache.get(keyId);
    if (cached) return cached;
    const posting = st.g.postings[keyId];
    const h = { holders: posting.length, ...sidesOf(posting) };
    cache.set(keyId, h);
    return h;
  }

  /**
   * The holders in a posting on each campaign's side (`campaignSideOf`), and those of them flagged,
   * read over at most `PROGRAMME_SAMPLE` holders spread over it and scaled up; `skip` holders are
   * not counted.
   */
  function sidesOf(
    posting: readonly number[],
    skip?: ReadonlySet<number>,
  ): { flagged: Map<string, number>; side: Map<string, number> } {
    const step = Math.max(1, posting.length / PROGRAMME_SAMPLE);
    const flagged = new Map<string, number>();
    const side = new Map<string, number>();
    for (let x = 0; x < posting.length; x += step) {
      const b = posting[Math.floor(x)];
      if (skip?.has(b)) continue;
      const campaign = campaignSideOf(b);
      if (campaign === null) continue;
      if (st.flags.has(b)) flagged.set(campaign, (flagged.get(campaign) ?? 0) + step);
      side.set(campaign, (side.get(campaign) ?? 0) + step);
    }
    return { flagged, side };
  }

  /**
   * The campaign a flag stands for now: the one it names, or, for a closed campaign, the detected
   * campaign it merged into (followed while that one closed too). A flag keeps the id of the
   * campaign that raised it, and a large operator's cluster is re-clustered many times: on the
   * whole alibaba-2026 scale-1 world the operator's flags named 4,456 closed campaigns beside the
   * two live ones. Counted by the ids they name, no campaign held a majority of the operator's
   * templates' or instruments' flagged holders, and the accounts the programme and satellite
   * rules exist for (careful ones, sharing nothing but the script) stayed unflagged.
   */
  function heirOf(id: string): string {
    const known = heirs.get(id);
    if (known !== undefined) return known;
    const seen = new Set<string>();
    let at = id;
    for (let c = st.campaigns.get(at); c?.status === 'closed' && c.mergedInto !== null; ) {
      seen.add(at);
      const heir = st.campaigns.get(c.mergedInto);
      if (!heir || heir.detectedAt === null || seen.has(heir.id)) break;
      at = heir.id;
      c = heir;
    }
    heirs.set(id, at);
    return at;
  }

  /**
   * The campaign an account is on the side of: the one whose flag it carries (or its heir), or else
   * the detected campaign (one that may flag) whose cluster it is a member of; null for neither.
   */
  function campaignSideOf(a: number): string | null {
    const flag = st.flags.get(a);
    if (flag) return heirOf(flag.campaign);
    const id = st.clusters.clusterOf.get(a);
    const c = id === undefined ? undefined : st.campaigns.get(id);
    return c && mayFlag(c) ? c.id : null;
  }

  /**
   * The values of the attribution kinds a campaign's accounts hold, each with its other holders
   * on the side of each other campaign (sampled as in `valueHolders`: a popular value's exact
   * tally is not needed to see that it is not theirs).
   */
  function heldValues(c: CampaignState): HeldValue[] {
    const mine = new Map<number, number>();
    for (const a of c.members)
      for (const keyId of st.g.keys[a] ?? [])
        if (ATTRIBUTION_KIND_OF.has(st.g.keyText[keyId][0])) mine.set(keyId, (mine.get(keyId) ?? 0) + 1);
    const inside = new Set(c.members);
    const values: HeldValue[] = [];
    for (const [keyId, count] of mine) {
      const posting = st.g.postings[keyId];
      const theirs = posting.length > count ? sidesOf(posting, inside).side : new Map<string, number>();
      theirs.delete(c.id);
      const kind = ATTRIBUTION_KIND_OF.get(st.g.keyText[keyId][0]) as AttributionKind;
      values.push({ kind, holders: posting.length, mine: count, theirs });
    }
    return values;
  }

  /**
   * How many of a campaign's members carry each other campaign's flag (counted for its heir): a
   * member's side is another campaign only through its flag, its cluster being this one.
   */
  function carriedFlags(c: CampaignState): Map<string, number> {
    const carried = new Map<string, number>();
    for (const a of c.members) {
      const side = campaignSideOf(a);
      if (side !== null && side !== c.id) carried.set(side, (carried.get(side) ?? 0) + 1);
    }
    return carried;
  }

  /** The accounts a campaign flagged beside its cluster that still carry its flag, and why. */
  function satellitesOf(c: CampaignState): [number, string, 'programme'?][] {
    return (c.satellites ?? []).filter(([a]) => st.flags.get(a)?.campaign === c.id);
  }

  /**
   * Whether a cluster is due for scoring: a candidate every two hours while small, less often as it grows
   * (and whenever it grew by a quarter), a suspected campaign every 2 hours, a confirmed one every 6.
   * A detected campaign's scoring is what flags members that joined it on a single link or a
   * minority of their link weight, so its cadence bounds how long they are served unflagged.
   */
  function due(c: CampaignState, now: EpochMs): boolean {
    if (c.status === 'closed') return false;
    if (c.status === 'dismissed' && !grownSinceDismissal(c)) return false;
    const size = c.members.length;
    const interval =
      c.status === 'confirmed'
        ? 6 * HOUR
        : c.status === 'suspected'
          ? 2 * HOUR
          : Math.min(12 * HOUR, cfg.rescoreEveryMs * Math.max(2, size / 50));
    return now - c.lastScoredAt >= interval || size >= c.scoredSize * 1.25 + 1;
  }

  /**
   * Whether a dismissed campaign's pattern changed enough to be judged again: it grew by half
   * and by at least `REGROWN_ACCOUNTS` accounts since a reviewer dismissed it. A reviewer's
   * dismissal holds for the pattern they saw, not for an operator who keeps adding accounts.
   */
  function grownSinceDismissal(c: CampaignState): boolean {
    const at = c.dismissedSize ?? Number.POSITIVE_INFINITY;
    return c.members.length >= Math.max(at * 1.5, at + REGROWN_ACCOUNTS);
  }

  /** Raises a regrown dismissed campaign again; its evidence says why. */
  function reraise(c: CampaignState): void {
    const note = c.review?.note ? ` ("${c.review.note}")` : '';
    c.reraised = `re-raised: dismissed by a reviewer at ${c.dismissedSize} accounts${note}, it has grown to ${c.members.length}`;
    c.review = null;
    c.dismissedSize = undefined;
  }

  function newCampaign(id: string, now: EpochMs): CampaignState {
    return {
      id,
      status: 'candidate',
      score: 0,
      detectedAt: null,
      confirmedAt: null,
      members: [],
      evidence: [],
      exchanges: 0,
      capabilities: {},
      firstSeen: null,
      lastSeen: null,
      lastScoredAt: now - cfg.rescoreEveryMs,
      scoredSize: 0,
      attribution: null,
      attributedAt: null,
      review: null,
      mergedInto: null,
    };
  }

  const engine: CampaignEngine = {
    tick(changed, now) {
      if (st.now !== null && now < st.now)
        throw new RangeError(`tick at ${iso(now)} is before the previous tick at ${iso(st.now)}`);
      st.now = now;
      heirs.clear();
      const result: TickResult = {
        now,
        changed: changed.length,
        relinked: 0,
        pendingRelinks: 0,
        scored: 0,
        detected: [],
        flagged: 0,
        campaigns: 0,
      };
      const touchedMembers = ingest(changed, now);
      const joinedSets = refreshTemplateSets(now);
      const { relinked, touched } = relink();
      result.relinked = relinked;
      result.pendingRelinks = st.relinkQueue.size;
      const { changed: reshaped, removed } = recluster(st.clusters, st.g, touched, now, seniority);
      const toScore = new Set<string>();
      for (const id of reshaped) {
        const c = st.campaigns.get(id) ?? newCampaign(id, now);
        c.members = st.clusters.members.get(id) ?? [];
        st.campaigns.set(id, c);
        // A detected campaign flags the accounts that join it at once, unless it is due for a
        // rescoring: then that scoring decides, so a region that merged in is judged as a whole first.
        if (due(c, now)) toScore.add(id);
        else if (mayFlag(c)) flagMembers(c, now, result, false);
      }
      for (const id of removed) {
        const c = st.campaigns.get(id);
        if (!c) continue;
        if (c.detectedAt === null) st.campaigns.delete(id);
        else if (c.status !== 'dismissed') {
          c.status = 'closed';
          c.mergedInto = heirCluster(c.members, st.clusters.clusterOf);
        }
      }
      for (const a of touchedMembers) {
        const id = st.clusters.clusterOf.get(a);
        if (id === undefined || toScore.has(id)) continue;
        const c = st.campaigns.get(id);
        if (c && due(c, now)) toScore.add(id);
      }
      const scored: CampaignState[] = [];
      for (const id of [...toScore].sort()) {
        const c = st.campaigns.get(id);
        if (!c || (c.status === 'dismissed' && !grownSinceDismissal(c))) continue;
        rescore(c, now, result);
        scored.push(c);
        result.scored++;
      }
      heirs.clear();
      const holdersByValue = new Map<number, ValueHolders>();
      // An account that joined a template set is checked even if it sent nothing this tick.
      flagSatellites(
        joinedSets.length ? new Set([...touchedMembers, ...joinedSets]) : touchedMembers,
        now,
        result,
        holdersByValue,
      );
      const audience = new Set(touchedMembers);
      for (const c of scored)
        if (mayFlag(c)) for (const a of programmeAudience(c, holdersByValue)) audience.add(a);
      flagProgrammeFollowers(audience, now, result, holdersByValue);
      result.campaigns = [...st.campaigns.values()].filter((c) => c.detectedAt !== null).length;
      return result;
    },

    campaigns() {
      return [...st.campaigns.values()]
        .filter((c) => c.detectedAt !== null || c.review !== null)
        .sort((a, b) => idOrder(a.id) - idOrder(b.id))
        .map((c) => toResult(c));
    },

    verdicts() {
      const out: AccountVerdict[] = [];
      st.g.names.forEach((account, a) => {
        const clusterId = st.clusters.clusterOf.get(a) ?? null;
        const c = clusterId ? st.campaigns.get(clusterId) : undefined;
        const flag = st.flags.get(a);
        const flaggedBy = flag ? st.campaigns.get(flag.campaign) : undefined;
        const risk = Math.max(
          c && c.status !== 'dismissed' ? c.score : 0,
          flaggedBy && flag ? flaggedBy.score : 0,
        );
        const campaign = c && c.detectedAt !== null ? c.id : (flag?.campaign ?? null);
        out.push({
          account,
          risk: Math.round(risk * 10000) / 10000,
          campaign,
          flaggedAt: iso(flag?.at ?? null),
        });
      });
      return out;
    },

    graph(campaignId) {
      const c = st.campaigns.get(campaignId);
      if (!c) return undefined;
      const inside = new Set(c.members);
      const edges: { a: number; b: number; w: number }[] = [];
      for (const a of c.members) {
        for (const [b, w] of neighbours(st.g, a)) if (b > a && inside.has(b)) edges.push({ a, b, w });
      }
      // Accounts flagged beside the cluster hang on the members that share their instrument, or
      // on the strongest few of those that send their programme.
      const outside = satellitesOf(c).filter(([s]) => !inside.has(s));
      for (const [s, , what] of outside) {
        const coHolders = new Set<number>();
        for (const keyId of st.g.keys[s]) {
          const key = st.g.keyText[keyId];
          const kind = satelliteKind(key);
          const shared =
            what === 'programme'
              ? isProgrammeKey(key) || kind === 'template-set'
              : kind !== undefined && kind !== 'template-set';
          if (!shared) continue;
          for (const b of st.g.postings[keyId]) if (inside.has(b)) coHolders.add(b);
        }
        const hung = [...coHolders].map((b) => ({ a: s, b, w: scorePair(st.g, s, b).weight }));
        if (what === 'programme') hung.sort((x, y) => y.w - x.w || x.b - y.b).splice(PROGRAMME_GRAPH_LINKS);
        edges.push(...hung);
      }
      const satellites = outside.map(([s]) => s);
      edges.sort((x, y) => y.w - x.w || x.a - y.a || x.b - y.b);
      return {
        nodes: [...c.members, ...satellites].map((a) => ({
          id: st.g.names[a],
          risk: Math.round(c.score * 10000) / 10000,
        })),
        edges: edges.slice(0, cfg.graphEdgeLimit).map(({ a, b, w }) => ({
          source: st.g.names[a],
          target: st.g.names[b],
          weight: Math.round(w * 100) / 100,
          kinds: scorePair(st.g, a, b).parts.map((p) => p.kind),
          evidence: explainPair(st.g, a, b),
        })),
      };
    },

    links(account) {
      const a = st.g.ids.get(account);
      if (a === undefined) return [];
      return [...neighbours(st.g, a).entries()]
        .sort((x, y) => y[1] - x[1] || x[0] - y[0])
        .map(([b, w]) => ({
          account: st.g.names[b],
          weight: Math.round(w * 100) / 100,
          evidence: explainPair(st.g, a, b),
        }));
    },

    clusterOf(account) {
      const a = st.g.ids.get(account);
      const id = a === undefined ? undefined : st.clusters.clusterOf.get(a);
      const c = id === undefined ? undefined : st.campaigns.get(id);
      if (!c) return null;
      return { id: c.id, status: c.status, score: c.score, accounts: c.members.length, evidence: c.evidence };
    },

    review(campaignId, action, note) {
      const c = st.campaigns.get(campaignId);
      if (!c) throw new RangeError(`unknown campaign ${campaignId}`);
      c.review = { action, note: note ?? null, at: st.now };
      if (action === 'confirm') {
        c.status = 'confirmed';
        c.confirmedAt ??= st.now;
        c.detectedAt ??= st.now;
        for (const a of c.members)
          if (!st.flags.has(a) && st.now !== null) st.flags.set(a, { at: st.now, campaign: c.id });
      } else {
        c.status = 'dismissed';
        c.dismissedSize = c.members.length;
        c.satellites = undefined;
        for (const [a, f] of [...st.flags]) if (f.campaign === c.id) st.flags.delete(a);
      }
    },

    toJSON() {
      return {
        version: 1,
        now: st.now,
        graph: linkGraphToJSON(st.g),
        clusters: {
          clusterOf: [...st.clusters.clusterOf],
          members: [...st.clusters.members],
          nextId: st.clusters.nextId,
          lastFull: [...st.clusters.lastFull],
        },
        summaries: st.g.names.map((_, a) => {
          // Decoded for the snapshot only: reading them all must not turn every string into an object.
          const kept = st.summaries[a];
          return typeof kept === 'string' ? parseSummary(kept) : (kept ?? null);
        }),
        keyedAt: st.keyedAt,
        keyedExchanges: st.keyedExchanges,
        stamps: st.stamps,
        relinkQueue: [...st.relinkQueue],
        campaigns: [...st.campaigns.values()],
        flags: [...st.flags],
        templateSetOf: [...st.templateSetOf],
        templateSetsAt: st.templateSetsAt,
      };
    },
  };

  function toResult(c: CampaignState): CampaignResult {
    const satellites = satellitesOf(c);
    const accounts = [...new Set([...c.members, ...satellites.map(([a]) => a)])]
      .map((a) => st.g.names[a])
      .sort();
    const evidence: Evidence[] = [...c.evidence];
    for (const { kind, programme, why } of SATELLITE_EVIDENCE) {
      const these = satellites.filter(([, , what]) => (what === 'programme') === programme);
      if (these.length === 0) continue;
      const [a, reason] = these[0];
      evidence.push({
        kind,
        weight: 0,
        summary: `${these.length} account${these.length === 1 ? '' : 's'} flagged beside the linked cluster for ${why} (e.g. ${st.g.names[a]}: ${reason})`,
        facts: { accounts: Object.fromEntries(these.map(([s, r]) => [st.g.names[s], r])) },
      });
    }
    if (c.review) {
      evidence.unshift({
        kind: 'review',
        weight: 0,
        summary: `${c.review.action === 'confirm' ? 'confirmed' : 'dismissed'} by a reviewer${c.review.note ? `: ${c.review.note}` : ''}`,
      });
    }
    if (c.mergedInto) evidence.unshift({ kind: 'merged', weight: 0, summary: `merged into ${c.mergedInto}` });
    if (c.reraised) evidence.unshift({ kind: 'reraised', weight: 0, summary: c.reraised });
    const status: CampaignStatus = c.status === 'candidate' ? 'suspected' : c.status;
    return {
      id: c.id,
      status,
      score: Math.round(c.score * 10000) / 10000,
      accounts,
      exchanges: c.exchanges,
      callsPerAccount: accounts.length > 0 ? Math.round((c.exchanges / accounts.length) * 10) / 10 : 0,
      firstSeen: iso(c.firstSeen) ?? '',
      lastSeen: iso(c.lastSeen) ?? '',
      detectedAt: iso(c.detectedAt),
      capabilities: c.capabilities,
      evidence,
      attribution: c.attribution,
    };
  }

  return engine;
}

/**
 * Keys whose holders a flagged majority makes satellites: instruments an operator reuses across its
 * accounts and households do not share with one, and template sets (see `flagSatellites`).
 */
const SATELLITE_KINDS: readonly LinkKind[] = ['payment', 'device', 'template-set'];
/** The key prefix of each satellite kind (for keys known by their text, as in the campaign graph). */
const SATELLITE_PREFIXES = SATELLITE_KINDS.map((kind) => ({ kind, prefix: `${KIND[kind].code}|` }));

/** What a satellite key's flagged holders say (see `satelliteTally`). */
interface Tally {
  campaign: string;
  flagged: number;
  /** Its holders but the account asking. */
  others: number;
}

/**
 * The cluster that took most of a closed campaign's members (the lower id on a tie), or null: its
 * flags then count for that cluster's campaign (`heirOf`), not for wherever its first member went.
 */
export function heirCluster(
  members: readonly number[],
  clusterOf: ReadonlyMap<number, string>,
): string | null {
  const counts = new Map<string, number>();
  for (const a of members) {
    const id = clusterOf.get(a);
    if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  let heir: string | null = null;
  for (const [id, n] of counts) {
    const best = heir === null ? 0 : (counts.get(heir) ?? 0);
    if (n > best || (n === best && idOrder(id) < idOrder(heir as string))) heir = id;
  }
  return heir;
}

/** The satellite kind of a key, if it is one. */
function satelliteKind(key: string): LinkKind | undefined {
  return SATELLITE_PREFIXES.find(({ prefix }) => key.startsWith(prefix))?.kind;
}

/** Flagged holders an instrument needs before it flags another holder. */
const SATELLITE_MIN_FLAGGED = 2;
/**
 * The share of a confirmed campaign's members that must be flagged for it to go on flagging while
 * its score sits between `keep` and `suspected`. Young members joining a cell dilute its score a
 * little (`small` seed 3: 39 of 44 flagged at 0.935); a benign region merging in is many accounts
 * at once (engine.test: 20 of 55 at 0.928).
 */
const KEEP_FLAGGED_SHARE = 0.75;

/**
 * The share of its shared-template traffic that a template set's holder must send to templates
 * held mostly by the campaign's side before the set makes it a satellite. On `small` seeds 1-5
 * the developers who send a few of a campaign's coding templates reached at most 0.26, the
 * campaign's own slow accounts mostly 0.5 or more.
 */
const SET_FOLLOWING_SHARE = 0.4;

/**
 * The programme rule (see `flagProgrammeFollowers`). First set at 0.25 on the feb-2026 0.02 seed 2
 * tuning world at 300 hours (unflagged benign accounts reached a share of at most 0.11, half the
 * campaigns' unflagged accounts 0.28 or more); raised to 0.3 once the flags of closed campaigns
 * counted for their heirs: at 0.25 a developer on `small` seed 5 and one on `alibaba-2026 --scale
 * 0.05` seed 2 followed a campaign's templates at 0.25-0.3, and 0.3 cleared both for at most 36
 * more campaign exchanges served on the tuning worlds (docs/detection.md, "Programme followers").
 */
const PROGRAMME_SHARE = 0.3;
/** Link kinds an operator shares by running accounts, as opposed to where they connect from. */
const OPERATOR_KINDS: ReadonlySet<LinkKind> = new Set([
  'payment',
  'device',
  'org',
  'template',
  'band',
  'template-set',
]);
/**
 * Below this programme share of its shared-template traffic (of at least `PROGRAMME_FEW_EXCHANGES`
 * exchanges), a linked member is off the campaign's programme. Judged from 16 exchanges until
 * `feb-2026 --scale 0.1` seed 1 showed a benign member flagged with fewer.
 */
const OFF_PROGRAMME_SHARE = 0.02;
/** Kept template traffic an account needs before `PROGRAMME_SHARE` means anything. */
const PROGRAMME_MIN_EXCHANGES = 16;
/**
 * A slow account with less template traffic than that (at least `PROGRAMME_FEW_EXCHANGES`) needs
 * `PROGRAMME_FEW_SHARE`: on `small` seeds 1-5 and `feb-2026 --scale 0.02` seed 2, benign accounts
 * with 4 to 15 such exchanges reached at most 0.2 (with one template), campaign accounts a median
 * of 0.5-0.6.
 */
const PROGRAMME_FEW_EXCHANGES = 4;
const PROGRAMME_FEW_SHARE = 0.4;
/**
 * Templates that must contribute, each with this many flagged holders of the campaign making at
 * least the first share of its other holders, and its side (flagged or unflagged members) at
 * least the second.
 */
const PROGRAMME_MIN_VALUES = 2;
const PROGRAMME_MIN_FLAGGED = 3;
const PROGRAMME_VALUE_FLAGGED_MIN = 0.25;
const PROGRAMME_VALUE_SIDE = 0.5;
/** Members a programme follower hangs on in a campaign's graph. */
const PROGRAMME_GRAPH_LINKS = 3;
/** Holders read per value to estimate its flagged share. */
const PROGRAMME_SAMPLE = 256;
/**
 * Programme values are templates: near-duplicate buckets collide across unrelated prompts of one
 * shape (an agent developer's tool calls fell into a campaign's buckets on a tuning world).
 */
const PROGRAMME_PREFIX = `${KIND.template.code}|`;

/** An account's programme share with one campaign, for evidence. */
interface ProgrammeShare {
  campaign: string;
  share: number;
  values: number;
  example: string;
}

/**
 * Whether a template is one campaign's: enough of its holders carry the campaign's flag (at least
 * a quarter of the other holders), and most of its other holders are on the campaign's side
 * (flagged, or members of its cluster not flagged yet). A popular template that a large campaign
 * also sends has many flagged holders too, but more holders outside the campaign; and unflagged
 * members alone, a benign region that merged into the cluster, cannot make a template the
 * campaign's.
 */
function mostlyCampaign(flagged: number, side: number, otherHolders: number): boolean {
  return (
    flagged >= PROGRAMME_MIN_FLAGGED &&
    flagged >= PROGRAMME_VALUE_FLAGGED_MIN * otherHolders &&
    side >= PROGRAMME_VALUE_SIDE * otherHolders
  );
}

/** Whether a key is a programme value. */
function isProgrammeKey(key: string): boolean {
  return key.startsWith(PROGRAMME_PREFIX);
}

/** The evidence item of each way of flagging beside the cluster. */
const SATELLITE_EVIDENCE = [
  {
    kind: 'shared-instrument',
    programme: false,
    why: 'sharing a payment instrument or device with its flagged members',
  },
  {
    kind: 'shared-programme',
    programme: true,
    why: 'sending prompts that mostly follow the templates its flagged members send',
  },
] as const;

/** A value's holder count, and its flagged and campaign-side holders by campaign. */
interface ValueHolders {
  holders: number;
  /** Per campaign: holders carrying its flag, and holders on its side (flagged or unflagged members). */
  flagged: Map<string, number>;
  side: Map<string, number>;
}

/**
 * The link kinds attribution reads, by key code. Traffic prefixes only: a sign-up prefix is its
 * own key, and the same network counted twice would weigh double.
 */
const ATTRIBUTION_KIND_OF = new Map<string, AttributionKind>([
  [KIND.payment.code, 'payments'],
  [KIND.device.code, 'devices'],
  [KIND.prefix.code, 'prefixes'],
  [KIND.template.code, 'templates'],
  [KIND.ja4.code, 'ja4s'],
]);

/** A saved campaign without the footprint states before per-value attribution kept (re-attributed at its next scoring). */
function withoutFootprint(c: CampaignState & { footprint?: unknown; footprintAt?: unknown }): CampaignState {
  const { footprint: _footprint, footprintAt: _footprintAt, ...rest } = c;
  return rest;
}

function idOrder(id: string): number {
  const n = Number(id.slice(id.indexOf('-') + 1));
  return Number.isFinite(n) ? n : Number.MAX_SAFE_INTEGER;
}
