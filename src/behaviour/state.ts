/**
 * Per-account state: the per-event half of the pipeline (DESIGN.md section 3). Each exchange and
 * account event updates only its own account's state, so the work partitions by account across
 * threads or machines. Every counter is bounded (top-K sketches, a day ring, Welford moments), so
 * an account costs a few KB however much traffic it sends. `summarise` turns a state into the
 * `AccountSummary` contract the global stages (link, cluster, score) read.
 */
import { appended } from '../core/arrays.js';
import { isProxyClass } from '../core/net.js';
import { DAY_MS, HOUR_MS } from '../core/time.js';
import type { AccountEvent, AccountSummary, EpochMs, Exchange, Fingerprint, NetInfo } from '../core/types.js';
import {
  addDay,
  addDistinct,
  addTopK,
  createDayRing,
  createDistinct,
  createTopK,
  type DayRing,
  type DistinctCounter,
  distinctEstimate,
  hashString,
  type TopK,
  topKCounts,
} from './sketch.js';

/** What the other per-event stages computed for one exchange (fingerprint, enrichment). */
export interface ExchangeDerived {
  /** The prompt's fingerprint (computed, or shipped in privacy mode); null without a prompt. */
  fingerprint: Fingerprint | null;
  /** Enrichment of `exchange.ip`; null without an address. */
  net: NetInfo | null;
  /** Client kind from the user agent and SDK headers (browser, sdk, script, unknown). */
  client: { kind: string } | null;
}

/** What enrichment computed for one account event. */
export interface AccountEventDerived {
  /** Enrichment of `event.signupIp`; null without one. */
  signupNet: NetInfo | null;
}

/** Sizes of the bounded counters; the defaults keep a summary at a few KB. */
export interface StateLimits {
  /** Top-K capacity of most attributes (IPs, prefixes, ASNs, user agents...). */
  topK: number;
  /** Top-K capacity of templates and LSH band keys (the linking attributes). */
  templates: number;
  bands: number;
  /** Days kept in the daily histogram. */
  days: number;
  /** Example spans kept per extraction tag, and their length cap. */
  examples: number;
  exampleChars: number;
  /** Distinct temperatures listed. */
  temperatures: number;
}

/** Default limits: K=16 for attributes, 32 for templates and bands, 64 days. */
export const DEFAULT_LIMITS: StateLimits = {
  topK: 16,
  templates: 32,
  bands: 32,
  days: 64,
  examples: 3,
  exampleChars: 160,
  temperatures: 16,
};

/** The mutable state of one account. Internal to the per-event stage; read it via `summarise`. */
export interface AccountState {
  account: string;
  limits: StateLimits;
  org: string | null;
  identity: AccountSummary['identity'];
  firstSeen: EpochMs | null;
  lastSeen: EpochMs | null;
  exchanges: number;
  inputTokens: number;
  outputTokens: number;
  reasoningTokens: number;
  rateLimited: number;
  errors: number;
  hourly: number[];
  daily: DayRing;
  gapCount: number;
  gapMean: number;
  gapM2: number;
  multiN: number;
  logprobs: number;
  temperatureZero: number;
  seeded: number;
  temperatures: number[];
  seeds: DistinctCounter;
  apiKeys: DistinctCounter;
  models: TopK;
  modelFirstUse: Record<string, EpochMs>;
  modelsFirstSeen: number;
  capabilities: TopK;
  extraction: TopK;
  extractionExamples: Record<string, string[]>;
  templates: TopK;
  bands: TopK;
  languages: TopK;
  ips: TopK;
  prefixes: TopK;
  asns: TopK;
  ipCountries: TopK;
  directIpCountries: TopK;
  netClasses: TopK;
  userAgents: TopK;
  sdkSets: TopK;
  ja4s: TopK;
  clients: TopK;
}

/** A fresh state for an account that has not been seen yet. */
export function createAccountState(account: string, limits: StateLimits = DEFAULT_LIMITS): AccountState {
  const k = limits.topK;
  return {
    account,
    limits,
    org: null,
    identity: {
      signupTs: null,
      emailDomain: null,
      emailLocalShape: null,
      paymentFingerprint: null,
      cardBin: null,
      cardCountry: null,
      phoneCountry: null,
      declaredCountry: null,
      signupIp: null,
      signupNet: null,
      deviceId: null,
      ja4: null,
      route: null,
      bannedAt: null,
    },
    firstSeen: null,
    lastSeen: null,
    exchanges: 0,
    inputTokens: 0,
    outputTokens: 0,
    reasoningTokens: 0,
    rateLimited: 0,
    errors: 0,
    hourly: new Array(24).fill(0),
    daily: createDayRing(limits.days),
    gapCount: 0,
    gapMean: 0,
    gapM2: 0,
    multiN: 0,
    logprobs: 0,
    temperatureZero: 0,
    seeded: 0,
    temperatures: [],
    seeds: createDistinct(),
    apiKeys: createDistinct(),
    models: createTopK(k),
    modelFirstUse: {},
    modelsFirstSeen: 0,
    capabilities: createTopK(k),
    extraction: createTopK(8),
    extractionExamples: {},
    templates: createTopK(limits.templates),
    bands: createTopK(limits.bands),
    languages: createTopK(8),
    ips: createTopK(k),
    prefixes: createTopK(k),
    asns: createTopK(k),
    ipCountries: createTopK(k),
    directIpCountries: createTopK(k),
    netClasses: createTopK(8),
    userAgents: createTopK(8),
    sdkSets: createTopK(8),
    ja4s: createTopK(8),
    clients: createTopK(4),
  };
}

/** Folds one exchange (with its fingerprint and enrichment) into its account's state. */
export function applyExchange(state: AccountState, exchange: Exchange, derived: ExchangeDerived): void {
  const ts = exchange.ts;
  state.exchanges++;
  if (exchange.org !== undefined) state.org = exchange.org;
  if (state.firstSeen === null || ts < state.firstSeen) state.firstSeen = ts;
  if (state.lastSeen === null) {
    state.lastSeen = ts;
  } else if (ts >= state.lastSeen) {
    // Welford's update of the inter-arrival gaps (seconds); late records add no gap.
    const gap = (ts - state.lastSeen) / 1000;
    state.gapCount++;
    const delta = gap - state.gapMean;
    state.gapMean += delta / state.gapCount;
    state.gapM2 += delta * (gap - state.gapMean);
    state.lastSeen = ts;
  }
  state.hourly[Math.floor(ts / HOUR_MS) % 24]++;
  addDay(state.daily, Math.floor(ts / DAY_MS));

  state.inputTokens += exchange.inputTokens ?? 0;
  state.outputTokens += exchange.outputTokens ?? 0;
  state.reasoningTokens += exchange.reasoningTokens ?? 0;
  const status = exchange.status;
  if (status !== undefined && status >= 400) {
    state.errors++;
    if (status === 429) state.rateLimited++;
  }

  if (exchange.n !== undefined && exchange.n > 1) state.multiN++;
  if (exchange.logprobs !== undefined && exchange.logprobs !== false && exchange.logprobs !== 0)
    state.logprobs++;
  const temperature = exchange.temperature;
  if (temperature !== undefined) {
    if (temperature === 0) state.temperatureZero++;
    if (state.temperatures.length < state.limits.temperatures && !state.temperatures.includes(temperature)) {
      state.temperatures = appended(state.temperatures, temperature);
    }
  }
  if (exchange.seed !== undefined) {
    state.seeded++;
    addDistinct(state.seeds, exchange.seed);
  }
  if (exchange.apiKey !== undefined) addDistinct(state.apiKeys, exchange.apiKey);

  const model = exchange.model;
  if (model !== undefined) {
    addTopK(state.models, model);
    if (state.modelsFirstSeen < state.limits.topK && !(model in state.modelFirstUse)) {
      state.modelFirstUse[model] = ts;
      state.modelsFirstSeen++;
    }
  }
  if (exchange.userAgent !== undefined) addTopK(state.userAgents, exchange.userAgent);
  if (exchange.ja4 !== undefined) addTopK(state.ja4s, exchange.ja4);
  if (exchange.sdk !== undefined) addTopK(state.sdkSets, sdkSetKey(exchange.sdk));
  if (derived.client !== null) addTopK(state.clients, derived.client.kind);
  if (exchange.ip !== undefined) addTopK(state.ips, exchange.ip);

  const net = derived.net;
  if (net !== null) {
    if (net.prefix !== null) addTopK(state.prefixes, net.prefix);
    if (net.asn !== null) addTopK(state.asns, String(net.asn));
    if (net.country !== null) {
      addTopK(state.ipCountries, net.country);
      if (!isProxyClass(net.class)) addTopK(state.directIpCountries, net.country);
    }
    addTopK(state.netClasses, net.class);
  }

  const fp = derived.fingerprint;
  if (fp !== null) {
    addTopK(state.templates, fp.template);
    for (const band of fp.bands) addTopK(state.bands, band);
    for (const tag of fp.capabilities) addTopK(state.capabilities, tag);
    addTopK(state.languages, fp.language);
    const matches = fp.extraction;
    for (let i = 0; i < matches.length; i++) {
      const match = matches[i];
      let repeated = false; // one count per exchange and tag
      for (let j = 0; j < i && !repeated; j++) repeated = matches[j].tag === match.tag;
      if (repeated) continue;
      addTopK(state.extraction, match.tag);
      // The tag's list exists from its first match on, even with no room for examples.
      const examples = state.extractionExamples[match.tag] ?? [];
      const span = match.span.slice(0, state.limits.exampleChars);
      const room = examples.length < state.limits.examples && !examples.includes(span);
      state.extractionExamples[match.tag] = room ? appended(examples, span) : examples;
    }
  }
}

/** Folds one account event (sign-up, profile, payment, verification, ban) into the state. */
export function applyAccountEvent(
  state: AccountState,
  event: AccountEvent,
  derived: AccountEventDerived,
): void {
  const id = state.identity;
  if (event.org !== undefined) state.org = event.org;
  if (event.kind === 'signup' && (id.signupTs === null || event.ts < id.signupTs)) id.signupTs = event.ts;
  if (event.kind === 'ban' && (id.bannedAt === null || event.ts < id.bannedAt)) id.bannedAt = event.ts;
  if (event.emailDomain !== undefined) id.emailDomain = event.emailDomain.toLowerCase();
  if (event.emailLocalShape !== undefined) id.emailLocalShape = event.emailLocalShape;
  if (event.paymentFingerprint !== undefined) id.paymentFingerprint = event.paymentFingerprint;
  if (event.cardBin !== undefined) id.cardBin = event.cardBin;
  if (event.cardCountry !== undefined) id.cardCountry = event.cardCountry.toUpperCase();
  if (event.phoneCountry !== undefined) id.phoneCountry = event.phoneCountry.toUpperCase();
  if (event.declaredCountry !== undefined) id.declaredCountry = event.declaredCountry.toUpperCase();
  if (event.signupIp !== undefined) {
    id.signupIp = event.signupIp;
    id.signupNet = derived.signupNet;
  }
  if (event.deviceId !== undefined) id.deviceId = event.deviceId;
  if (event.ja4 !== undefined) id.ja4 = event.ja4;
  if (event.route !== undefined) id.route = event.route;
}

/** The compact, plain-JSON summary of one account (a copy: later events do not change it). */
export function summarise(state: AccountState): AccountSummary {
  const daily: Record<string, number> = {};
  const order = state.daily.days.map((_, i) => i).sort((a, b) => state.daily.days[a] - state.daily.days[b]);
  for (const i of order) daily[dayKey(state.daily.days[i])] = state.daily.counts[i];
  return {
    account: state.account,
    org: state.org,
    identity: {
      ...state.identity,
      signupNet: state.identity.signupNet ? { ...state.identity.signupNet } : null,
    },
    firstSeen: state.firstSeen,
    lastSeen: state.lastSeen,
    exchanges: state.exchanges,
    inputTokens: state.inputTokens,
    outputTokens: state.outputTokens,
    reasoningTokens: state.reasoningTokens,
    rateLimited: state.rateLimited,
    errors: state.errors,
    hourly: state.hourly.slice(),
    daily,
    gaps: { count: state.gapCount, mean: state.gapMean, m2: state.gapM2 },
    sampling: {
      multiN: state.multiN,
      logprobs: state.logprobs,
      temperatureZero: state.temperatureZero,
      seeded: state.seeded,
      temperatures: state.temperatures.slice().sort((a, b) => a - b),
      seeds: distinctEstimate(state.seeds),
    },
    models: topKCounts(state.models),
    modelFirstUse: { ...state.modelFirstUse },
    capabilities: topKCounts(state.capabilities),
    extraction: topKCounts(state.extraction),
    extractionExamples: Object.fromEntries(
      Object.entries(state.extractionExamples).map(([tag, spans]) => [tag, spans.slice()]),
    ),
    templates: topKCounts(state.templates),
    bands: topKCounts(state.bands),
    languages: topKCounts(state.languages),
    ips: topKCounts(state.ips),
    prefixes: topKCounts(state.prefixes),
    asns: topKCounts(state.asns),
    ipCountries: topKCounts(state.ipCountries),
    directIpCountries: topKCounts(state.directIpCountries),
    netClasses: topKCounts(state.netClasses),
    userAgents: topKCounts(state.userAgents),
    sdkSets: topKCounts(state.sdkSets),
    ja4s: topKCounts(state.ja4s),
    clients: topKCounts(state.clients),
    apiKeys: distinctEstimate(state.apiKeys),
  };
}

/** Coefficient of variation of an account's inter-arrival gaps (null with fewer than 2 gaps). */
export function gapVariation(summary: AccountSummary): number | null {
  const { count, mean, m2 } = summary.gaps;
  if (count < 2 || mean <= 0) return null;
  return Math.sqrt(m2 / (count - 1)) / mean;
}

const sdkKeys = new Map<string, string>();

/** A stable key for an SDK header set: its sorted names and values, hashed (memoised: clients repeat). */
function sdkSetKey(sdk: Record<string, string>): string {
  let raw = '';
  for (const name in sdk) raw += `${name}=${sdk[name]};`;
  let key = sdkKeys.get(raw);
  if (key === undefined) {
    const names = Object.keys(sdk).sort();
    let text = '';
    for (const name of names) text += `${name.toLowerCase()}=${sdk[name]};`;
    key = hashString(text).toString(16).padStart(8, '0');
    if (sdkKeys.size >= 4096) sdkKeys.clear();
    sdkKeys.set(raw, key);
  }
  return key;
}

const dayKeys = new Map<number, string>();

function dayKey(day: number): string {
  let key = dayKeys.get(day);
  if (key === undefined) {
    key = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (dayKeys.size >= 4096) dayKeys.clear();
    dayKeys.set(day, key);
  }
  return key;
}
