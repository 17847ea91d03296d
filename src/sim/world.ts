/**
 * Builds a simulated world from a preset: every account (benign personas and campaign cells) with
 * its identity, network, client, rhythm and lifetime, and every account event (sign-ups, profile,
 * payment and verification events, bans). Exchanges are produced later, hour by hour, by
 * generate.ts from this compact per-account state.
 */
import type { AccountEvent } from '../core/types.js';
import {
  allWorldAsns,
  COUNTRIES,
  DISPOSABLE_DOMAINS,
  HOSTING,
  MOBILE_ASNS,
  RELAY_ASNS,
  UNIVERSITIES,
  VPN_ASNS,
} from './geo.js';
import {
  browserClient,
  type Client,
  companyDomain,
  customJa4,
  emailLocal,
  localShape,
  scriptClient,
  sdkClient,
} from './identity.js';
import { type IpPicker, ipPicker, loadNetDb, type NetDb, pickV6 } from './net.js';
import type { CampaignSpec, CellSpec, Preset } from './presets.js';
import {
  type AttackPromptPlan,
  attackTemplates,
  type Benchmark,
  benchmarks,
  type Corpus,
  type PipelineTemplate,
  pipelineTemplate,
  TOOLSET_COUNT,
} from './prompts.js';
import { createRng, hexToken, type Rng, token } from './rng.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Benign persona names (label `persona`); campaign accounts are persona 'campaign'. */
export const BENIGN_PERSONAS = [
  'casual',
  'developer',
  'student',
  'enterprise-pipeline',
  'benchmark-runner',
  'agent-developer',
  'vpn-user',
  'synthetic-data',
] as const;
/** A label persona. */
export type Persona = (typeof BENIGN_PERSONAS)[number] | 'campaign';

/** How an account's requests are shaped (selects the behaviour in generate.ts). */
export type Style = Persona | 'campaign-slow';

/** Scales weights to mean 1. */
const normalise = (w: number[]): Float64Array => {
  const mean = w.reduce((a, b) => a + b, 0) / w.length;
  return Float64Array.from(w, (x) => x / mean);
};
/** Diurnal profiles by local hour (mean 1). */
export const PROFILES = {
  human: normalise([
    0.15, 0.08, 0.05, 0.04, 0.04, 0.08, 0.25, 0.6, 1, 1.4, 1.6, 1.6, 1.4, 1.5, 1.6, 1.6, 1.5, 1.3, 1.2, 1.3,
    1.4, 1.3, 0.9, 0.45,
  ]),
  student: normalise([
    0.6, 0.4, 0.2, 0.1, 0.05, 0.05, 0.1, 0.3, 0.6, 0.9, 1.1, 1.2, 1.1, 1.3, 1.5, 1.6, 1.5, 1.3, 1.3, 1.5, 1.8,
    1.9, 1.6, 1.1,
  ]),
  work: normalise([
    0.1, 0.05, 0.03, 0.03, 0.03, 0.05, 0.15, 0.5, 1.2, 1.9, 2.1, 2, 1.3, 1.8, 2.1, 2, 1.8, 1.3, 0.7, 0.6, 0.6,
    0.5, 0.35, 0.2,
  ]),
  flat: normalise([
    0.9, 0.88, 0.86, 0.85, 0.85, 0.88, 0.92, 0.97, 1.05, 1.1, 1.12, 1.12, 1.1, 1.12, 1.12, 1.1, 1.08, 1.04, 1,
    0.98, 0.96, 0.94, 0.92, 0.9,
  ]),
  /** An operator's shift: automation supervised in long working days, quiet at night. */
  operator: normalise([
    0.35, 0.2, 0.12, 0.1, 0.1, 0.12, 0.2, 0.4, 0.9, 1.4, 1.6, 1.6, 1.3, 1.5, 1.7, 1.7, 1.6, 1.5, 1.4, 1.5,
    1.6, 1.5, 1.2, 0.7,
  ]),
};
/** Weekly profiles by local day, Sunday first (mean 1). */
export const WEEKLY = {
  human: normalise([0.85, 1.05, 1.05, 1.05, 1.05, 1, 0.85]),
  work: normalise([0.3, 1.25, 1.3, 1.3, 1.25, 1.1, 0.3]),
  student: normalise([1.2, 1.2, 1.15, 1.1, 1, 0.6, 0.55]),
  flat: normalise([1, 1, 1, 1, 1, 1, 1]),
  operator: normalise([0.8, 1.05, 1.05, 1.05, 1.05, 1.05, 0.95]),
};

/** How much each persona slows down on a public holiday of its real country. */
const HOLIDAY_FACTORS: Record<Persona, number> = {
  casual: 0.85,
  developer: 0.35,
  student: 0.5,
  'enterprise-pipeline': 1,
  'benchmark-runner': 0.4,
  'agent-developer': 0.45,
  'vpn-user': 0.85,
  'synthetic-data': 0.6,
  campaign: 0.5,
};

/** How an account reaches the API: a fixed pool of addresses or a rotating exit. */
export interface NetPlan {
  /** Sticky addresses (one chosen per day, or per session for NATs). */
  pool: string[];
  /** Rotating exits: a picker and how often it rotates. */
  rotate?: { pick: IpPicker; per: 'request' | 'session' };
  /** Pick from the pool per session (NAT, gateway) rather than per day. */
  perSession: boolean;
}

/** One simulated account: compact state read by the hourly generator. */
export interface SimAccount {
  idx: number;
  id: string;
  persona: Persona;
  style: Style;
  campaign: number;
  tactic: string | null;
  cell: number;
  offset: number;
  profile: Float64Array;
  weekly: Float64Array;
  /** Active window (epoch ms) and mean exchanges per active day. */
  from: number;
  to: number;
  daily: number;
  /** Aging: warm-up window before `from` with its own small rate. */
  warmFrom: number;
  warmDaily: number;
  /** Day-to-day burstiness (log-normal sigma). */
  burst: number;
  /** Mean messages per session. */
  sessionMean: number;
  languages: [string, number][];
  client: Client;
  net: NetPlan;
  leak: number;
  leakPick?: IpPicker;
  org?: string;
  keys: string[];
  liteShare: number;
  /** Share of traffic on the new model once adopted, and the ramp to it (ms). */
  adoptShare: number;
  adoptRampMs: number;
  toolset: number;
  pipeline?: PipelineTemplate;
  bench?: number;
  benchSeed?: number;
  rateLimited: number;
  customerShare: number;
  customerClients?: Client[];
  temperature?: number;
  maxTokens?: number;
  logprobs?: boolean | number;
  topP?: number;
  streamShare: number;
  sweep: number;
  home: string;
  /** Activity multiplier on public holidays of `home`. */
  holidayFactor: number;
}

/** One campaign cell at run time: shared clock for synchronised activity. */
export interface SimCell {
  campaign: number;
  tactic: string;
  sync: number;
  seed: number;
}

/** One campaign at run time. */
export interface SimCampaign {
  spec: CampaignSpec;
  plan: AttackPromptPlan;
  tactics: string[];
  pivotRampMs: number;
}

/** A built world: accounts, campaigns, events and shared material. */
export interface World {
  preset: string;
  seed: number;
  scale: number;
  days: number;
  start: number;
  end: number;
  releaseAt: number | null;
  accounts: SimAccount[];
  cells: SimCell[];
  campaigns: SimCampaign[];
  events: AccountEvent[];
  benchmarks: Benchmark[];
  corpus?: Corpus;
  db: NetDb;
}

/** Options of one world. */
export interface WorldOptions {
  preset: Preset;
  seed: number;
  scale: number;
  days?: number;
  corpus?: Corpus;
}

interface Ctx {
  rng: Rng;
  seed: number;
  db: NetDb;
  start: number;
  end: number;
  accounts: SimAccount[];
  events: AccountEvent[];
  counter: number;
  cgnat: Map<string, string[]>;
}

function newId(ctx: Ctx, prefix: string, kind: number): string {
  return `${prefix}${token(ctx.seed, kind, ctx.counter++, 16)}`;
}

function offsetOf(rng: Rng, country: string): number {
  const c = COUNTRIES[country];
  return c.offsets[rng.weighted(c.offsets.map((o) => o[1]))][0];
}

function card(rng: Rng, country: string): { bin: string; fp: string } {
  const bin = rng.pick(COUNTRIES[country]?.bins ?? COUNTRIES.US.bins);
  return { bin, fp: `pm_${hexToken(rng.u32(), 3, rng.u32(), 24)}` };
}

function device(rng: Rng): string {
  return `dev_${hexToken(rng.u32(), 4, rng.u32(), 20)}`;
}

interface SignupFacts {
  ts: number;
  emailDomain: string;
  local: string;
  card?: { bin: string; fp: string; country: string };
  phoneCountry?: string;
  declaredCountry: string;
  signupIp: string;
  deviceId: string;
  ja4?: string;
  route: string;
  org?: string;
}

function signup(ctx: Ctx, a: SimAccount, f: SignupFacts): void {
  const e: AccountEvent = {
    ts: f.ts,
    account: a.id,
    kind: 'signup',
    emailDomain: f.emailDomain,
    emailLocalShape: localShape(f.local),
    declaredCountry: f.declaredCountry,
    signupIp: f.signupIp,
    deviceId: f.deviceId,
    route: f.route,
  };
  if (f.org) e.org = f.org;
  if (f.ja4) e.ja4 = f.ja4;
  if (f.phoneCountry) e.phoneCountry = f.phoneCountry;
  const { rng } = ctx;
  // A card given at sign-up, or added later in a payment event (and sometimes replaced).
  const atSignup = f.card !== undefined && rng.chance(0.6);
  if (f.card && atSignup) {
    e.paymentFingerprint = f.card.fp;
    e.cardBin = f.card.bin;
    e.cardCountry = f.card.country;
  }
  ctx.events.push(e);
  if (f.card && !atSignup) {
    ctx.events.push({
      ts: f.ts + Math.floor(rng.exp(6 * HOUR)) + 60_000,
      account: a.id,
      kind: 'payment',
      paymentFingerprint: f.card.fp,
      cardBin: f.card.bin,
      cardCountry: f.card.country,
    });
  }
  if (rng.chance(0.04)) {
    const ts = f.ts + Math.floor(rng.exp(60 * DAY));
    if (ts < ctx.end)
      ctx.events.push({
        ts,
        account: a.id,
        kind: 'profile',
        phoneCountry: f.phoneCountry ?? f.declaredCountry,
      });
  }
}

function baseAccount(ctx: Ctx, persona: Persona, fields: Partial<SimAccount>): SimAccount {
  const a: SimAccount = {
    idx: ctx.accounts.length,
    id: newId(ctx, 'acct_', 1),
    persona,
    style: persona,
    campaign: -1,
    tactic: null,
    cell: -1,
    offset: 0,
    profile: PROFILES.human,
    weekly: WEEKLY.human,
    from: ctx.start,
    to: ctx.end,
    daily: 5,
    warmFrom: 0,
    warmDaily: 0,
    burst: 0.6,
    sessionMean: 3,
    languages: [['en', 1]],
    client: browserClient(ctx.rng),
    net: { pool: [], perSession: false },
    leak: 0,
    keys: [],
    liteShare: 0.2,
    adoptShare: 0.35,
    adoptRampMs: 7 * DAY,
    toolset: 0,
    rateLimited: 0.002,
    customerShare: 0,
    streamShare: 0.5,
    sweep: 0,
    home: 'US',
    holidayFactor: HOLIDAY_FACTORS[persona],
    ...fields,
  };
  if (a.keys.length === 0) a.keys = [newId(ctx, 'key_', 2)];
  ctx.accounts.push(a);
  return a;
}

/** Existing benign accounts signed up long before the window; a few join during it. */
function benignLifetime(ctx: Ctx, joinShare = 0.05): { signupTs: number; from: number } {
  const { rng } = ctx;
  if (rng.chance(joinShare)) {
    const from = ctx.start + Math.floor(rng.next() * (ctx.end - ctx.start) * 0.9);
    return { signupTs: from - Math.floor(rng.exp(HOUR)), from };
  }
  return { signupTs: ctx.start - Math.floor((5 + rng.next() * 800) * DAY), from: ctx.start };
}

/** The few carrier-grade NAT addresses a country's mobile users share (built once per world). */
function carrierNat(ctx: Ctx, country: string): string[] {
  let pool = ctx.cgnat.get(country);
  if (!pool) {
    const pick = ipPicker(ctx.db, MOBILE_ASNS[country], country);
    pool = Array.from({ length: 12 }, () => pick(ctx.rng));
    ctx.cgnat.set(country, pool);
  }
  return pool;
}

function homeIsp(ctx: Ctx, country: string): IpPicker {
  return ipPicker(ctx.db, COUNTRIES[country].isps, country);
}

function residentialPool(ctx: Ctx, country: string, n: number, v6Share = 0.15): string[] {
  const out: string[] = [];
  const pick = homeIsp(ctx, country);
  for (let i = 0; i < n; i++) {
    if (ctx.rng.chance(v6Share)) out.push(pickV6(ctx.db, ctx.rng, COUNTRIES[country].isps));
    else out.push(pick(ctx.rng));
  }
  return out;
}

const HUMAN_COUNTRIES: [string, number][] = [
  ['US', 30],
  ['IN', 10],
  ['GB', 6],
  ['DE', 6],
  ['FR', 5],
  ['JP', 5],
  ['KR', 4],
  ['CA', 4],
  ['ES', 3],
  ['AU', 3],
  ['SG', 2],
  ['HK', 1],
  ['TW', 1],
  ['RU', 2],
  ['CN', 1],
];

/** Sampling settings API users pick (one per account); campaigns draw from the same menus. */
const TEMPERATURES = [undefined, undefined, 0, 0.2, 0.4, 0.6, 0.7, 0.7, 0.8, 1, 1.2];
const MAX_TOKENS = [undefined, 1024, 2048, 4096, 4096, 8192, 8192, 16_384, 32_000];

function humanCountry(rng: Rng): string {
  return HUMAN_COUNTRIES[rng.weighted(HUMAN_COUNTRIES.map((c) => c[1]))][0];
}

function langsOf(country: string, enShare: number): [string, number][] {
  const lang = COUNTRIES[country].language;
  return lang === 'en'
    ? [['en', 1]]
    : [
        [lang, 1 - enShare],
        ['en', enShare],
      ];
}

// ---------------------------------------------------------------------------------------------
// Benign personas

function addHuman(ctx: Ctx, persona: 'casual' | 'developer' | 'agent-developer' | 'vpn-user'): void {
  const { rng } = ctx;
  const country = humanCountry(rng);
  const life = benignLifetime(ctx);
  const offset = offsetOf(rng, country);
  const local = emailLocal(rng);
  const webmail = COUNTRIES[country].webmail;
  const dev = persona !== 'casual' && !(persona === 'vpn-user' && rng.chance(0.6));
  const corporate = dev && rng.chance(0.4);
  const client =
    persona === 'casual' || (persona === 'vpn-user' && !dev)
      ? browserClient(rng)
      : rng.chance(0.75)
        ? sdkClient(rng)
        : scriptClient(rng);
  // Odd HTTP stacks (Rust, Java, custom builds) give some benign scripts a rare TLS fingerprint too.
  if (client.kind === 'script' && rng.chance(0.3)) client.ja4 = customJa4(rng);
  let net: NetPlan = { pool: residentialPool(ctx, country, rng.int(1, 4)), perSession: false };
  const apple = /iPhone|Macintosh.*Safari/.test(client.userAgent) && !client.userAgent.includes('Chrome');
  const phone = /iPhone|Android/.test(client.userAgent);
  if (persona === 'casual' && apple && rng.chance(0.2)) {
    // iCloud Private Relay: egress addresses of a relay network in the user's region.
    net = {
      pool: [],
      rotate: { pick: ipPicker(ctx.db, RELAY_ASNS, country), per: 'session' },
      perSession: true,
    };
  } else if (persona === 'casual' && phone && MOBILE_ASNS[country] && rng.chance(0.6)) {
    // On mobile data: a carrier-grade NAT shared by every phone of that carrier nearby.
    net = { pool: carrierNat(ctx, country), perSession: true };
  } else if (persona === 'vpn-user') {
    const exitCountry = rng.pick(['US', 'GB', 'DE', 'NL', 'CH', 'SE', 'SG', 'JP', 'CA', 'FR']);
    const pick = ipPicker(ctx.db, VPN_ASNS, exitCountry);
    net = rng.chance(0.5)
      ? { pool: [pick(rng), pick(rng), pick(rng)], perSession: true }
      : { pool: [], rotate: { pick, per: 'session' }, perSession: true };
  } else if (
    (persona === 'agent-developer' && rng.chance(0.35)) ||
    (persona === 'developer' && rng.chance(0.15))
  ) {
    // A deployed bot or a cloud dev box: hosting addresses, a hard negative for hosting rules.
    const provider = rng.pick(['aws', 'gcp', 'azure', 'digitalocean', 'hetzner', 'ovh'] as const);
    const pick = ipPicker(ctx.db, HOSTING[provider], rng.chance(0.7) ? country : undefined);
    net = { pool: [pick(rng), pick(rng)], perSession: true };
  }
  const daily =
    persona === 'casual'
      ? 5 * rng.logNormal(0.8)
      : persona === 'developer'
        ? 22 * rng.logNormal(0.7)
        : persona === 'agent-developer'
          ? 35 * rng.logNormal(0.7)
          : 8 * rng.logNormal(0.7);
  const a = baseAccount(ctx, persona, {
    offset,
    profile: persona === 'casual' || persona === 'vpn-user' ? PROFILES.human : PROFILES.work,
    weekly: persona === 'casual' || persona === 'vpn-user' ? WEEKLY.human : WEEKLY.work,
    from: life.from,
    daily,
    burst: persona === 'casual' ? 0.9 : 0.6,
    sessionMean: persona === 'agent-developer' ? 6 : persona === 'developer' ? 4 : 3,
    languages: langsOf(country, dev ? 0.6 : 0.25),
    client,
    net,
    liteShare: rng.next() * 0.4,
    adoptShare: dev && rng.chance(0.3) ? 0.8 : 0.35,
    adoptRampMs: dev ? 2 * DAY : 6 * DAY,
    toolset: rng.int(0, TOOLSET_COUNT - 1),
    temperature: client.kind === 'browser' ? undefined : rng.pick(TEMPERATURES),
    maxTokens: client.kind === 'browser' ? undefined : rng.pick(MAX_TOKENS),
    topP: client.kind === 'browser' || rng.chance(0.8) ? undefined : rng.pick([0.8, 0.9, 0.95, 1]),
    // Confidence scores, token-level analysis: a few developers ask for logprobs.
    logprobs: client.kind === 'browser' || rng.chance(0.88) ? undefined : rng.pick([true, 5, 10, 20]),
    streamShare: client.kind === 'browser' ? 1 : rng.next(),
    home: country,
  });
  if (rng.chance(0.004)) {
    // A few benign accounts are banned too (spam, ToS): a ban is no ground-truth label.
    a.to = Math.max(a.from + DAY, ctx.start + Math.floor(rng.next() * (ctx.end - ctx.start)));
    if (a.to < ctx.end) ctx.events.push({ ts: a.to, account: a.id, kind: 'ban' });
    else a.to = ctx.end;
  }
  const card = rng.chance(persona === 'casual' ? 0.45 : 0.8) ? { ...cardOf(rng, country) } : undefined;
  // Startup programmes and resellers are ordinary ways in for real developers too.
  const route = !dev
    ? 'self-serve'
    : corporate && rng.chance(0.25)
      ? 'startup'
      : rng.chance(0.04)
        ? 'reseller'
        : 'self-serve';
  signup(ctx, a, {
    ts: life.signupTs,
    emailDomain: corporate
      ? companyDomain(rng)
      : rng.chance(persona === 'vpn-user' ? 0.04 : 0.015)
        ? rng.pick(DISPOSABLE_DOMAINS)
        : rng.pick(webmail),
    local,
    card,
    phoneCountry: rng.chance(0.7) ? (rng.chance(0.97) ? country : humanCountry(rng)) : undefined,
    declaredCountry: rng.chance(0.97) ? country : humanCountry(rng),
    signupIp: a.net.pool[0] ?? a.net.rotate!.pick(rng),
    deviceId: device(rng),
    ja4: client.ja4,
    route,
  });
  if (route === 'startup' && rng.chance(0.6))
    ctx.events.push({
      ts: life.signupTs + Math.floor(rng.exp(DAY)),
      account: a.id,
      kind: 'profile',
      org: newId(ctx, 'org_', 5),
    });
}

function cardOf(rng: Rng, country: string): { bin: string; fp: string; country: string } {
  return { ...card(rng, country), country };
}

function addUniversity(ctx: Ctx, students: number): void {
  const { rng } = ctx;
  const uni = rng.pick(UNIVERSITIES);
  const pick = ipPicker(ctx.db, [uni.asn]);
  const natIps = Array.from({ length: rng.int(2, 4) }, () => pick(rng));
  const offset = offsetOf(rng, uni.country);
  // Students sign up in waves at the start of term: a sign-up burst on one domain and one NAT.
  const termStart = ctx.start - Math.floor(rng.int(20, 200) * DAY);
  for (let i = 0; i < students; i++) {
    const wave = rng.chance(0.6)
      ? termStart + Math.floor(rng.exp(3 * DAY))
      : ctx.start - Math.floor(rng.next() * 600 * DAY);
    const client = rng.chance(0.85) ? browserClient(rng) : sdkClient(rng);
    const a = baseAccount(ctx, 'student', {
      offset,
      profile: PROFILES.student,
      weekly: WEEKLY.student,
      daily: 6 * rng.logNormal(0.8),
      burst: 1.1,
      sessionMean: 4,
      languages: langsOf(uni.country, 0.5),
      client,
      net: { pool: natIps, perSession: true },
      liteShare: 0.5,
      streamShare: client.kind === 'browser' ? 1 : 0.3,
      home: uni.country,
    });
    const local = rng.chance(0.5)
      ? emailLocal(rng)
      : `${String.fromCharCode(97 + rng.int(0, 25))}${String.fromCharCode(97 + rng.int(0, 25))}${rng.int(1000, 99999)}`;
    signup(ctx, a, {
      ts: Math.min(wave, ctx.start - HOUR),
      emailDomain: uni.studentDomain,
      local,
      card: rng.chance(0.3) ? cardOf(rng, uni.country) : undefined,
      declaredCountry: rng.chance(0.9) ? uni.country : humanCountry(rng),
      signupIp: rng.pick(natIps),
      deviceId: device(rng),
      ja4: client.ja4,
      route: rng.chance(0.6) ? 'education' : 'self-serve',
    });
    if (rng.chance(0.5))
      ctx.events.push({
        ts: Math.min(wave, ctx.start - HOUR) + 600_000,
        account: a.id,
        kind: 'verification',
        emailDomain: uni.studentDomain,
      });
  }
}

function addOrg(
  ctx: Ctx,
  kind: 'enterprise-pipeline' | 'synthetic-data',
  accounts: number,
  corpus?: Corpus,
): void {
  const { rng } = ctx;
  const country = rng.pick(['US', 'US', 'US', 'GB', 'DE', 'FR', 'JP', 'SG', 'IN', 'CA']);
  const org = newId(ctx, 'org_', 5);
  const domain = companyDomain(rng);
  const provider = rng.pick(['aws', 'aws', 'gcp', 'azure', 'oracle'] as const);
  const pick = ipPicker(
    ctx.db,
    HOSTING[provider],
    rng.chance(0.8) ? (country === 'CA' ? 'US' : country) : 'US',
  );
  const gateways = Array.from({ length: rng.int(2, 6) }, () => pick(rng));
  const client = sdkClient(rng, 0.8, 'Linux');
  const orgCard = cardOf(rng, country);
  const template = kind === 'enterprise-pipeline' ? pipelineTemplate(rng, ctx.counter, corpus) : undefined;
  const signupDay = ctx.start - Math.floor(rng.int(10, 400) * DAY);
  const logprobs =
    kind === 'enterprise-pipeline' && rng.chance(0.4) ? rng.pick([true, 5, 10, 20]) : undefined;
  for (let i = 0; i < accounts; i++) {
    const a = baseAccount(ctx, kind, {
      offset: offsetOf(rng, country),
      profile: kind === 'enterprise-pipeline' ? PROFILES.flat : PROFILES.work,
      weekly: kind === 'enterprise-pipeline' ? WEEKLY.flat : WEEKLY.operator,
      daily: (kind === 'enterprise-pipeline' ? 260 : 600) * rng.logNormal(0.5),
      burst: 0.35,
      sessionMean: kind === 'enterprise-pipeline' ? 8 : 10,
      languages: [['en', 1]],
      client,
      net: { pool: gateways, perSession: true },
      org,
      keys: Array.from({ length: rng.int(2, 6) }, () => newId(ctx, 'key_', 2)),
      liteShare: kind === 'enterprise-pipeline' ? 0.7 : 0,
      adoptShare: kind === 'enterprise-pipeline' ? 0 : 0.6,
      adoptRampMs: 3 * DAY,
      pipeline: template,
      rateLimited: 0.015,
      temperature: kind === 'enterprise-pipeline' ? 0 : 1,
      topP: kind === 'synthetic-data' ? 0.95 : undefined,
      maxTokens: kind === 'enterprise-pipeline' ? rng.pick([16, 64, 256]) : 8192,
      logprobs,
      streamShare: 0,
      home: country,
    });
    signup(ctx, a, {
      ts: signupDay + Math.floor(rng.exp(2 * HOUR)),
      emailDomain: domain,
      local: emailLocal(rng),
      card: orgCard,
      phoneCountry: country,
      declaredCountry: country,
      signupIp: gateways[0],
      deviceId: device(rng),
      ja4: client.ja4,
      route: kind === 'synthetic-data' ? 'enterprise' : rng.pick(['self-serve', 'enterprise']),
      org,
    });
    if (kind === 'synthetic-data')
      ctx.events.push({
        ts: signupDay + 3 * DAY,
        account: a.id,
        kind: 'verification',
        org,
        declaredCountry: country,
      });
  }
}

function addLab(ctx: Ctx, accounts: number, benchCount: number): void {
  const { rng } = ctx;
  const country = rng.pick(['US', 'US', 'GB', 'DE', 'CN', 'KR', 'FR', 'CA']);
  const uniLab = rng.chance(0.4);
  const uni = UNIVERSITIES.find((u) => u.country === country);
  const pick =
    uniLab && uni
      ? ipPicker(ctx.db, [uni.asn])
      : ipPicker(
          ctx.db,
          HOSTING[rng.pick(['aws', 'gcp', 'azure'] as const)],
          country === 'CN' ? undefined : country,
        );
  const ips = [pick(rng), pick(rng)];
  const org = rng.chance(0.6) ? newId(ctx, 'org_', 5) : undefined;
  const client = sdkClient(rng, 0.95, 'Linux');
  const domain = uniLab && uni ? uni.domain : companyDomain(rng);
  for (let i = 0; i < accounts; i++) {
    const a = baseAccount(ctx, 'benchmark-runner', {
      offset: offsetOf(rng, country),
      profile: PROFILES.work,
      weekly: WEEKLY.work,
      daily: 260 * rng.logNormal(0.5),
      burst: 1.2,
      sessionMean: 200,
      client,
      net: { pool: ips, perSession: true },
      org,
      liteShare: 0.3,
      adoptShare: 0.5,
      adoptRampMs: 12 * HOUR,
      bench: rng.int(0, benchCount - 1),
      benchSeed: rng.chance(0.5) ? rng.pick([0, 42, 1234]) : undefined,
      temperature: 0,
      maxTokens: rng.pick([256, 512, 1024]),
      streamShare: 0,
      home: country,
    });
    signup(ctx, a, {
      ts: ctx.start - Math.floor(rng.int(30, 500) * DAY),
      emailDomain: domain,
      local: emailLocal(rng),
      card: rng.chance(0.7) ? cardOf(rng, country) : undefined,
      declaredCountry: country,
      signupIp: ips[0],
      deviceId: device(rng),
      ja4: client.ja4,
      route: uniLab ? rng.pick(['education', 'research programme']) : 'self-serve',
      org,
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Campaigns

const RESIDENTIAL_PROXY_COUNTRIES = new Set(['US', 'GB', 'DE', 'JP', 'SG', 'CA', 'AU', 'FR', 'KR']);

interface CellCtx {
  spec: CampaignSpec;
  cellSpec: CellSpec;
  cell: number;
  campaign: number;
  hostingPicks: IpPicker[];
  sharedIps: string[];
  cards: { bin: string; fp: string; country: string }[];
  devices: string[];
  ja4: string;
  scriptUa: Client;
  startupDomains: string[];
  startupOrgs: string[];
  resellerIps: string[];
  customerClients: Client[];
}

function addCampaign(
  ctx: Ctx,
  spec: CampaignSpec,
  campaign: number,
  cells: SimCell[],
  windowDays: number,
): number {
  const { rng } = ctx;
  const cStart = ctx.start + spec.startDay * DAY;
  const cEnd = Math.min(ctx.end, ctx.start + Math.min(spec.endDay, windowDays) * DAY);
  const firstIdx = ctx.accounts.length;
  const operatorJa4 = customJa4(rng);
  for (const cellSpec of spec.cells) {
    const n = Math.max(1, Math.round(spec.accounts * cellSpec.share));
    const cell = cells.length;
    cells.push({ campaign, tactic: cellSpec.tactic, sync: spec.sync, seed: rng.u32() });
    const hostingAsns = (cellSpec.hosting ?? ['alibaba', 'tencent', 'aws']).flatMap(
      (h) => HOSTING[h as keyof typeof HOSTING] ?? [],
    );
    const hostingCountry = rng.pick(['SG', 'HK', 'US', 'JP']);
    const hostingPicks = [ipPicker(ctx.db, hostingAsns, hostingCountry), ipPicker(ctx.db, hostingAsns, 'US')];
    const cc: CellCtx = {
      spec,
      cellSpec,
      cell,
      campaign,
      hostingPicks,
      sharedIps: Array.from({ length: cellSpec.sharedIps ?? 6 }, () => rng.pick(hostingPicks)(rng)),
      cards: Array.from({ length: Math.max(1, Math.ceil(n / (cellSpec.accountsPerCard ?? 1e9))) }, () =>
        cardOf(rng, rng.pick(['US', 'HK', 'SG'])),
      ),
      devices: Array.from({ length: Math.max(1, Math.ceil(n / 12)) }, () => device(rng)),
      ja4: operatorJa4,
      scriptUa: scriptClient(rng),
      startupDomains: Array.from({ length: Math.max(1, Math.ceil(n / 20)) }, () => companyDomain(rng)),
      startupOrgs: [],
      resellerIps: Array.from({ length: rng.int(3, 8) }, () => rng.pick(hostingPicks)(rng)),
      customerClients: Array.from({ length: 6 }, () =>
        rng.chance(0.5) ? sdkClient(rng) : browserClient(rng),
      ),
    };
    cc.startupOrgs = cc.startupDomains.map(() => newId(ctx, 'org_', 5));
    if (cellSpec.tactic === 'hydra') addHydra(ctx, cc, n, cStart, cEnd);
    else {
      // Accounts are created in batches (sign-up bursts), aged, then put to work over a ramp.
      const aging = spec.aging;
      const batches = Array.from({ length: Math.max(1, Math.ceil(n / 25)) }, () => {
        const ago = aging ? aging.minDays + rng.next() * (aging.maxDays - aging.minDays) : rng.next() * 3;
        return cStart - Math.floor(ago * DAY);
      });
      const spread = HOUR * (0.3 + 8 * spec.identityCare);
      const ramp = Math.min(3 * DAY, (cEnd - cStart) * 0.15);
      for (let i = 0; i < n; i++) {
        const signupTs = rng.pick(batches) + Math.floor(rng.exp(spread));
        const from = Math.max(signupTs + HOUR, cStart + Math.floor(rng.next() * ramp));
        addCampaignAccount(ctx, cc, from, cEnd, signupTs);
      }
    }
  }
  return firstIdx;
}

function addHydra(ctx: Ctx, cc: CellCtx, n: number, cStart: number, cEnd: number): void {
  const { rng } = ctx;
  const meanLife = (cc.cellSpec.lifetimeDays ?? 5) * DAY;
  const span = cEnd - cStart;
  if (span < 2 * HOUR) {
    // No room for churn (a window cut short by --days): the accounts simply exist.
    for (let i = 0; i < n; i++) addCampaignAccount(ctx, cc, cStart, Math.max(cStart, cEnd));
    return;
  }
  const slots = Math.max(1, Math.round((n * meanLife) / span));
  // Bans come in waves (the provider's review cadence); replacements sign up within hours.
  const wavePeriod = Math.max(12 * HOUR, Math.min(3 * DAY, meanLife / 2));
  const waveAt = (t: number) =>
    cStart + Math.ceil((t - cStart) / wavePeriod) * wavePeriod + Math.floor(rng.next() * 2 * HOUR);
  let made = 0;
  const starts = Array.from(
    { length: slots },
    () => cStart + Math.floor(rng.next() * Math.min(span * 0.1, DAY)),
  );
  while (made < n) {
    let progressed = false;
    for (let s = 0; s < starts.length && made < n; s++) {
      const from = starts[s];
      if (from >= cEnd - HOUR) continue;
      progressed = true;
      const lived = Math.max(6 * HOUR, rng.exp(meanLife));
      const banned = rng.chance(cc.cellSpec.banRate ?? 0.5);
      let to = banned ? waveAt(from + lived) : from + lived;
      if (to >= cEnd || made === n - 1) to = cEnd;
      const a = addCampaignAccount(ctx, cc, from, to);
      if (to < cEnd && banned) ctx.events.push({ ts: to, account: a.id, kind: 'ban' });
      made++;
      starts[s] = to + Math.floor(HOUR + rng.exp(5 * HOUR));
    }
    // Every slot ran to the end with accounts to spare: the operator opens another slot.
    if (!progressed) starts.push(cStart + Math.floor(rng.next() * span * 0.8));
  }
}

function addCampaignAccount(
  ctx: Ctx,
  cc: CellCtx,
  from: number,
  to: number,
  batchSignup?: number,
): SimAccount {
  const hydra = batchSignup === undefined;
  const { rng } = ctx;
  const { spec, cellSpec } = cc;
  const declared = spec.declared[rng.weighted(spec.declared.map((d) => d[1]))][0];
  const careful = rng.chance(spec.identityCare);
  const tactic = cellSpec.tactic;
  const lowSlow = tactic === 'low-and-slow';
  // The activity clock: the operator's shift, or mimicry of the declared country when careful.
  const mimic = lowSlow || (tactic === 'residential-proxy' && careful && rng.chance(0.3));
  const offset = mimic ? offsetOf(rng, declared) : spec.homeOffset;
  const client =
    tactic === 'blatant' && !careful
      ? cc.scriptUa
      : careful
        ? sdkClient(rng)
        : rng.chance(0.5)
          ? sdkClient(rng, 0.9, 'Linux')
          : scriptClient(rng);
  if (!careful || tactic === 'blatant') client.ja4 = cc.ja4;
  const proxyCountry = RESIDENTIAL_PROXY_COUNTRIES.has(declared) ? declared : 'US';
  let net: NetPlan;
  switch (tactic) {
    case 'blatant':
      net = { pool: Array.from({ length: rng.int(1, 3) }, () => rng.pick(cc.sharedIps)), perSession: true };
      break;
    case 'residential-proxy':
      net = {
        pool: [],
        rotate: { pick: homeIsp(ctx, proxyCountry), per: cellSpec.rotate ?? 'request' },
        perSession: true,
      };
      break;
    case 'low-and-slow':
      net = { pool: residentialPool(ctx, proxyCountry, rng.int(1, 3), 0.05), perSession: false };
      break;
    case 'camouflaged':
      net = { pool: cc.resellerIps, perSession: true };
      break;
    default:
      net =
        cellSpec.network === 'residential'
          ? { pool: [], rotate: { pick: homeIsp(ctx, proxyCountry), per: 'session' }, perSession: true }
          : {
              pool: Array.from({ length: rng.int(1, 2) }, () => rng.pick(cc.hostingPicks)(rng)),
              perSession: true,
            };
  }
  const aging = spec.aging && !hydra ? spec.aging : undefined;
  // Hydra replacements are used within hours of sign-up; the others come from a batch.
  const signupTs = batchSignup ?? from - Math.floor(rng.next() * 0.3 * DAY) - Math.floor(rng.exp(HOUR));
  const a = baseAccount(ctx, 'campaign', {
    style: lowSlow ? 'campaign-slow' : 'campaign',
    campaign: cc.campaign,
    tactic,
    cell: cc.cell,
    offset,
    profile: mimic ? PROFILES.human : PROFILES.operator,
    weekly: mimic ? WEEKLY.human : WEEKLY.operator,
    from,
    to,
    daily: 0,
    warmFrom: aging && aging.warmupPerDay > 0 && rng.chance(0.6) ? signupTs : 0,
    warmDaily: aging?.warmupPerDay ?? 0,
    burst: lowSlow ? 0.5 : 0.4,
    sessionMean: lowSlow ? 1.5 : 6,
    languages: spec.languages,
    client,
    net,
    leak: spec.leak * (careful ? 0.3 : 1),
    leakPick: homeIsp(ctx, spec.homeCountry),
    keys: Array.from({ length: tactic === 'camouflaged' ? rng.int(2, 5) : 1 }, () => newId(ctx, 'key_', 2)),
    liteShare: 0.05,
    adoptShare: spec.modelPivot,
    adoptRampMs: 0,
    toolset: 0,
    rateLimited: cellSpec.rateLimited ?? 0.004,
    customerShare: tactic === 'camouflaged' ? (cellSpec.customerShare ?? 0.4) : 0,
    customerClients: tactic === 'camouflaged' ? cc.customerClients : undefined,
    // Drawn from the same menus as benign SDK users (heavier on large budgets).
    temperature: rng.pick(TEMPERATURES),
    maxTokens: rng.pick([...MAX_TOKENS, 16_384, 32_000]),
    streamShare: careful ? 0.5 : 0.05,
    sweep: spec.prompts.sweep,
    home: spec.homeCountry,
  });
  const route = spec.routes[rng.weighted(spec.routes.map((r) => r[1]))][0];
  const uni = rng.pick(UNIVERSITIES.filter((u) => u.country !== 'CN'));
  const emailDomain =
    route === 'education'
      ? uni.studentDomain
      : route === 'startup'
        ? rng.pick(cc.startupDomains)
        : rng.chance(careful ? 0.02 : 0.25)
          ? rng.pick(DISPOSABLE_DOMAINS)
          : rng.pick(COUNTRIES[careful ? declared : rng.pick(['US', 'CN', 'GB'])].webmail);
  const sharedCard = cellSpec.accountsPerCard !== undefined && !careful;
  const cardInfo = sharedCard
    ? rng.pick(cc.cards)
    : cardOf(rng, careful ? declared : rng.pick([declared, 'HK', 'US']));
  signup(ctx, a, {
    ts: signupTs,
    emailDomain,
    local: careful
      ? emailLocal(rng)
      : `${rng.pick(['user', 'dev', 'ai', 'test', 'work'])}${rng.int(1000, 99999)}`,
    card: route === 'education' && rng.chance(0.6) ? undefined : cardInfo,
    phoneCountry: careful ? declared : rng.pick([declared, 'HK', 'SG', 'GB']),
    declaredCountry: declared,
    signupIp: net.pool[0] ?? net.rotate!.pick(rng),
    deviceId: careful ? device(rng) : rng.pick(cc.devices),
    ja4: client.ja4,
    route,
  });
  if (route === 'startup' && rng.chance(0.5)) {
    // A startup-programme profile: the fake startup's org, shared by its accounts.
    const org = cc.startupOrgs[cc.startupDomains.indexOf(emailDomain)] ?? rng.pick(cc.startupOrgs);
    ctx.events.push({ ts: signupTs + Math.floor(rng.exp(DAY)), account: a.id, kind: 'profile', org });
  }
  return a;
}

/** Spreads a campaign's target volume over its accounts' active days (per cell weights). */
function calibrate(
  rng: Rng,
  accounts: SimAccount[],
  spec: CampaignSpec,
  firstIdx: number,
  scale: number,
  windowDays: number,
): void {
  const own = accounts.slice(firstIdx);
  const jitter = own.map(() => rng.logNormal(0.3) / Math.exp(0.045));
  // A shorter --days window keeps the campaign's rates: it sees only its share of the volume.
  const span = spec.endDay - spec.startDay;
  const kept = Math.max(0, Math.min(spec.endDay, windowDays) - spec.startDay) / span;
  const target = spec.exchanges * scale * Math.min(1, kept);
  let fixed = 0;
  let weighted = 0;
  for (const a of own) {
    const cellSpec = spec.cells.find((c) => c.tactic === a.tactic)!;
    const days = Math.max(0, (a.to - a.from) / DAY);
    if (cellSpec.perDay !== undefined) fixed += days * cellSpec.perDay;
    else weighted += days * (cellSpec.rateWeight ?? 1);
  }
  const base = weighted > 0 ? Math.max(0, target - fixed) / weighted : 0;
  for (const a of own) {
    const cellSpec = spec.cells.find((c) => c.tactic === a.tactic)!;
    // Operators spread load unevenly across accounts: mean-1 log-normal jitter per account.
    a.daily = (cellSpec.perDay ?? base * (cellSpec.rateWeight ?? 1)) * jitter[a.idx - firstIdx];
  }
  // Renormalise so the jitter leaves the campaign's total exactly on target.
  let total = 0;
  for (const a of own) total += (Math.max(0, a.to - a.from) / DAY) * a.daily;
  if (total > 0) for (const a of own) a.daily *= target / total;
}

function promptPlan(rng: Rng, spec: CampaignSpec, corpus?: Corpus): AttackPromptPlan {
  return {
    templates: attackTemplates(rng, spec.targets, spec.templates),
    languages: spec.languages,
    cot: spec.prompts.cot,
    rubric: spec.prompts.rubric,
    instructionGen: spec.prompts.instructionGen,
    censorship: spec.prompts.censorship,
    paraphrase: spec.prompts.paraphrase,
    corpus,
  };
}

function campaignTactics(spec: CampaignSpec): string[] {
  const t = new Set<string>(spec.cells.map((c) => c.tactic));
  if (spec.prompts.paraphrase >= 0.3) t.add('paraphrase');
  if (spec.languages.some(([l, w]) => l !== 'en' && w >= 0.05)) t.add('translate');
  if (spec.prompts.cot > 0) t.add('cot-wrapper');
  if (spec.prompts.rubric >= 0.05) t.add('rubric-grading');
  if (spec.prompts.instructionGen >= 0.05) t.add('instruction-generation');
  if (spec.prompts.censorship > 0) t.add('censorship-rewrite');
  if (spec.prompts.sweep >= 0.05) t.add('sampling-sweep');
  if (spec.modelPivot > 0) t.add('model-pivot');
  if (spec.aging) t.add('account-aging');
  for (const [route, w] of spec.routes)
    if ((route === 'education' || route === 'startup') && w > 0) t.add(`${route}-route`);
  return [...t];
}

const scaleCount = (n: number, scale: number, min = 0): number =>
  n === 0 ? 0 : Math.max(min, Math.round(n * scale));

/** Builds the world: accounts, cells, campaigns and all account events (not yet sorted). */
export function buildWorld(options: WorldOptions): World {
  const { preset, seed, scale } = options;
  const days = options.days ?? preset.days;
  const start = Date.parse(preset.start);
  const end = start + Math.round(days * DAY);
  const db = loadNetDb(allWorldAsns());
  const ctx: Ctx = {
    rng: createRng(seed, 1),
    seed,
    db,
    start,
    end,
    accounts: [],
    events: [],
    counter: 0,
    cgnat: new Map(),
  };
  const { rng } = ctx;
  const b = preset.benign;
  const corpus = options.corpus;
  const bench = benchmarks(corpus);
  const benignStart = ctx.accounts.length;
  for (let i = scaleCount(b.casual, scale, 1); i > 0; i--) addHuman(ctx, 'casual');
  for (let i = scaleCount(b.developer, scale, 1); i > 0; i--) addHuman(ctx, 'developer');
  for (let i = scaleCount(b.agentDeveloper, scale, 1); i > 0; i--) addHuman(ctx, 'agent-developer');
  for (let i = scaleCount(b.vpnUser, scale, 1); i > 0; i--) addHuman(ctx, 'vpn-user');
  const unis = scaleCount(b.universities, scale, 1);
  const perUni =
    scale < 1 && unis === 1
      ? Math.max(60, Math.round(b.studentsPerUniversity * b.universities * scale))
      : b.studentsPerUniversity;
  for (let i = 0; i < unis; i++) addUniversity(ctx, Math.max(20, Math.round(perUni * rng.logNormal(0.25))));
  // Groups (orgs, labs) keep their total accounts proportional when scaled down.
  const groups = (count: number, per: number, minGroups: number, minPer: number): [number, number] => {
    const n = scaleCount(count, scale, minGroups);
    return [n, Math.max(minPer, Math.round((count * per * scale) / Math.max(1, n)))];
  };
  const [pipelineOrgs, perPipeline] = groups(b.pipelineOrgs, b.accountsPerPipelineOrg, 1, 3);
  for (let i = 0; i < pipelineOrgs; i++) addOrg(ctx, 'enterprise-pipeline', perPipeline, corpus);
  const [syntheticOrgs, perSynthetic] = groups(b.syntheticOrgs, b.accountsPerSyntheticOrg, 1, 2);
  for (let i = 0; i < syntheticOrgs; i++) addOrg(ctx, 'synthetic-data', perSynthetic, corpus);
  const [labs, perLab] = groups(b.benchmarkLabs, b.accountsPerLab, 3, 1);
  for (let i = 0; i < labs; i++) addLab(ctx, perLab, Math.min(bench.length, 2 + (corpus ? 2 : 0)));
  for (let i = benignStart; i < ctx.accounts.length; i++) ctx.accounts[i].daily *= b.volume ?? 1;
  const cells: SimCell[] = [];
  const campaigns: SimCampaign[] = [];
  preset.campaigns.forEach((spec0, c) => {
    const spec = { ...spec0, accounts: Math.max(spec0.cells.length * 2, Math.round(spec0.accounts * scale)) };
    const first = addCampaign(ctx, spec, c, cells, days);
    calibrate(rng, ctx.accounts, spec, first, scale, days);
    campaigns.push({
      spec,
      plan: promptPlan(rng, spec, corpus),
      tactics: campaignTactics(spec),
      pivotRampMs: Math.floor((6 + rng.next() * 14) * HOUR),
    });
  });
  // Shuffle the generation order so that ids and output order never group by persona.
  const order = ctx.accounts.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const accounts = order.map((i) => ctx.accounts[i]);
  accounts.forEach((a, i) => {
    a.idx = i;
  });
  return {
    preset: preset.name,
    seed,
    scale,
    days,
    start,
    end,
    releaseAt:
      preset.releaseDay === null || preset.releaseDay >= days
        ? null
        : start + Math.round(preset.releaseDay * DAY + 17 * HOUR),
    accounts,
    cells,
    campaigns,
    events: ctx.events,
    benchmarks: bench,
    corpus,
    db,
  };
}

/** Expected exchanges of a built world (rates times active days), before any are drawn. */
export function expectedVolume(world: World): { benign: number; attack: number; perCampaign: number[] } {
  let benign = 0;
  const perCampaign = world.campaigns.map(() => 0);
  for (const a of world.accounts) {
    const from = Math.max(a.from, world.start);
    const to = Math.min(a.to, world.end);
    let v = (Math.max(0, to - from) / DAY) * a.daily;
    if (a.warmFrom > 0) v += (Math.max(0, a.from - Math.max(a.warmFrom, world.start)) / DAY) * a.warmDaily;
    if (a.campaign >= 0) perCampaign[a.campaign] += v;
    else benign += v;
  }
  return { benign, attack: perCampaign.reduce((x, y) => x + y, 0), perCampaign };
}
