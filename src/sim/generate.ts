/**
 * The hourly generator: walks event time hour by hour, draws each active account's sessions from
 * its rhythm (diurnal curve in its own clock, weekly cycle, day-to-day bursts, synchronised cell
 * waves), renders each request as one NDJSON line, sorts the hour and hands it to the sink. Memory
 * stays bounded by one hour of traffic plus the per-account state.
 */
import { toRfc3339 } from '../core/time.js';
import type { AccountEvent, CampaignLabel, Labels } from '../core/types.js';
import { isHoliday, localDow, localHour } from './geo.js';
import type { Client } from './identity.js';
import {
  agentPrompt,
  attackPrompt,
  chatPrompt,
  codingPrompt,
  cotWrap,
  homeworkPrompt,
  type PromptOut,
  syntheticDataPrompt,
} from './prompts.js';
import { createRng, hashInts, hashUnit, type Rng } from './rng.js';
import type { SimAccount, World } from './world.js';

const HOUR = 3_600_000;
const DAY = 86_400_000;

/** The models of the simulated provider; NEW is released during the window. */
export const MODELS = {
  main: 'frontier-pro-4.5',
  lite: 'frontier-lite-4.5',
  next: 'frontier-pro-5',
} as const;

/** Where generated records go; `write` may return a promise to apply backpressure. */
export interface SimSinks {
  exchanges(chunk: string): void | Promise<void>;
  accounts(chunk: string): void | Promise<void>;
  labels(labels: Labels): void | Promise<void>;
}

/** Running totals of a generation. */
export interface SimStats {
  exchanges: number;
  accountEvents: number;
  accounts: number;
  attackExchanges: number;
  hours: number;
}

const FOLLOWUPS = [
  'can you make it shorter?',
  'thanks! and what about the second part?',
  'explain that again more simply',
  'give me another example',
  'ok, now in bullet points',
  'that is not what I meant, I meant the other one',
  'perfect. can you also add a conclusion?',
  'why?',
  'translate that into Spanish',
  'and if I only have 10 minutes?',
  'continue',
  'what would you change?',
];

interface Pending {
  ts: number;
  line: string;
}

interface GenState {
  world: World;
  rng: Rng;
  out: Pending[];
  counter: number;
  stats: SimStats;
  perCampaign: { exchanges: number; first: number; last: number }[];
  /** Per account: its first harvesting exchange (warm-up sessions end before `from`), or +Infinity. */
  harvestFirst: Float64Array;
  benchPos: Int32Array;
}

/** Mean-1 log-normal day factor of an account on a day (stateless, from a hash). */
function dayFactor(seed: number, idx: number, day: number, sigma: number): number {
  const u = Math.max(1e-9, hashUnit(seed, idx, day, 11));
  const v = hashUnit(seed, idx, day, 12);
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return Math.exp(sigma * z - (sigma * sigma) / 2);
}

function geometric(rng: Rng, mean: number): number {
  if (mean <= 1) return 1;
  const p = 1 / mean;
  return 1 + Math.floor(Math.log(1 - rng.next()) / Math.log(1 - p));
}

function modelFor(g: GenState, a: SimAccount, ts: number, rng: Rng): string {
  const release = g.world.releaseAt;
  if (release !== null && ts >= release && a.adoptShare > 0) {
    const ramp = a.campaign >= 0 ? g.world.campaigns[a.campaign].pivotRampMs : a.adoptRampMs;
    const share = a.adoptShare * Math.min(1, (ts - release) / Math.max(1, ramp));
    if (rng.chance(share)) return MODELS.next;
  }
  return rng.chance(a.liteShare) ? MODELS.lite : MODELS.main;
}

function pickIp(a: SimAccount, rng: Rng, day: number, sessionIp: string | undefined): string {
  if (a.leak > 0 && a.leakPick && rng.chance(a.leak)) return a.leakPick(rng);
  if (a.net.rotate)
    return a.net.rotate.per === 'request' || sessionIp === undefined ? a.net.rotate.pick(rng) : sessionIp;
  if (a.net.perSession && sessionIp !== undefined) return sessionIp;
  const pool = a.net.pool;
  return pool[
    a.net.perSession ? Math.floor(rng.next() * pool.length) : hashInts(a.idx, day, 5) % pool.length
  ];
}

function langOf(rng: Rng, langs: [string, number][]): string {
  if (langs.length === 1) return langs[0][0];
  let r = rng.next();
  for (const [l, w] of langs) {
    r -= w;
    if (r < 0) return l;
  }
  return langs[0][0];
}

/** The prompt of one request of a benign-style account. */
function benignPrompt(
  g: GenState,
  a: SimAccount,
  rng: Rng,
  style: string,
  turn: number,
  lang: string,
): PromptOut {
  const corpus = g.world.corpus;
  switch (style) {
    case 'casual':
    case 'vpn-user':
      if (turn > 1 && rng.chance(0.7))
        return { text: rng.pick(FOLLOWUPS), outTokens: rng.int(60, 400), reasoning: false };
      return rng.chance(0.85) ? chatPrompt(rng, lang, corpus) : codingPrompt(rng, corpus);
    case 'developer':
      if (turn > 1 && rng.chance(0.5))
        return { text: rng.pick(FOLLOWUPS), outTokens: rng.int(100, 800), reasoning: false };
      if (rng.chance(0.8)) {
        const p = codingPrompt(rng, corpus);
        // People ask for reasoning too: a benign look-alike of chain-of-thought elicitation.
        return rng.chance(0.08) ? { ...p, text: cotWrap(rng, p.text), reasoning: true } : p;
      }
      return chatPrompt(rng, lang, corpus);
    case 'student':
      if (turn > 1 && rng.chance(0.5))
        return {
          text: rng.pick([
            'can you explain step 2 again?',
            'why is that step allowed?',
            'ok and the next one',
            'step by step please',
            'is there a faster way?',
          ]),
          outTokens: rng.int(100, 500),
          reasoning: true,
        };
      return rng.chance(0.75) ? homeworkPrompt(rng, lang, corpus) : chatPrompt(rng, lang, corpus);
    case 'agent-developer':
      return agentPrompt(rng, a.toolset, turn, corpus, hashUnit(a.idx, 9) < 0.3 ? a.idx : undefined);
    case 'enterprise-pipeline':
      return a.pipeline!.render(rng);
    case 'synthetic-data':
      return syntheticDataPrompt(rng, corpus);
    default:
      return chatPrompt(rng, lang, corpus);
  }
}

const SWEEP_N = [1, 2, 4, 4, 8, 16];
const SWEEP_T = [0, 0.2, 0.4, 0.6, 0.8, 1, 1.2];
const SWEEP_P = [0.8, 0.9, 0.95, 1];
const SWEEP_LOGPROBS = [true, 5, 10, 20];
const ERROR_STATUSES = [500, 503, 529, 400];

const hex8 = (x: number): string => x.toString(16).padStart(8, '0');

let isoDay = -1;
let isoPrefix = '';
/** RFC 3339 with milliseconds (UTC), like Date#toISOString but with the day prefix cached. */
export function isoMs(ts: number): string {
  const day = Math.floor(ts / DAY);
  if (day !== isoDay) {
    isoDay = day;
    isoPrefix = new Date(day * DAY).toISOString().slice(0, 11);
  }
  let rest = ts - day * DAY;
  const h = Math.floor(rest / HOUR);
  rest -= h * HOUR;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const sec = Math.floor(rest / 1000);
  const ms = rest - sec * 1000;
  return `${isoPrefix}${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}:${sec < 10 ? '0' : ''}${sec}.${ms < 10 ? '00' : ms < 100 ? '0' : ''}${ms}Z`;
}

const accountFragments = new WeakMap<SimAccount, string>();
function accountFragment(a: SimAccount): string {
  let f = accountFragments.get(a);
  if (f === undefined) {
    f = `,"account":"${a.id}"${a.org ? `,"org":"${a.org}"` : ''}`;
    accountFragments.set(a, f);
  }
  return f;
}

const clientFragments = new WeakMap<Client, [string, string]>();
function clientFragment(client: Client, withJa4: boolean): string {
  let f = clientFragments.get(client);
  if (f === undefined) {
    const sdk = client.sdk ? `,"sdk":${JSON.stringify(client.sdk)}` : '';
    const ua = `,"userAgent":${JSON.stringify(client.userAgent)}`;
    f = [ua + sdk, client.ja4 ? `${ua},"ja4":"${client.ja4}"${sdk}` : ua + sdk];
    clientFragments.set(client, f);
  }
  return withJa4 ? f[1] : f[0];
}

/** Renders one request as an NDJSON line and queues it. */
function emit(
  g: GenState,
  a: SimAccount,
  ts: number,
  rng: Rng,
  p: PromptOut,
  turn: number,
  ip: string,
  client: Client,
  opts: { sweep: boolean; bench?: boolean },
): void {
  const id = hex8(hashInts(g.world.seed, g.counter, 1)) + hex8(hashInts(g.world.seed, g.counter, 2));
  g.counter++;
  const model = modelFor(g, a, ts, rng);
  // Hand-built JSON from flat parts (one join, no deep string ropes); static per-account and
  // per-client fragments are serialised once.
  const parts: string[] = [
    `{"id":"ex_${id}","ts":"${isoMs(ts)}"${accountFragment(a)},"apiKey":"${
      a.keys.length === 1 ? a.keys[0] : a.keys[Math.floor(rng.next() * a.keys.length)]
    }","model":"${model}","ip":"${ip}"${clientFragment(client, hashUnit(a.idx, 7) < 0.6)},"prompt":${JSON.stringify(p.text)}`,
  ];
  if (p.system) parts.push(`,"system":${JSON.stringify(p.system)}`);
  parts.push(`,"turns":${turn}`);
  if (p.tools) parts.push(`,"tools":${p.tools}`);
  if (a.maxTokens !== undefined) parts.push(`,"maxTokens":${a.maxTokens}`);
  let n = 1;
  if (opts.sweep) {
    n = rng.pick(SWEEP_N);
    parts.push(`,"temperature":${rng.pick(SWEEP_T)}`);
    if (rng.chance(0.5)) parts.push(`,"topP":${rng.pick(SWEEP_P)}`);
    parts.push(`,"seed":${rng.int(0, 2 ** 31 - 1)}`);
    if (n > 1) parts.push(`,"n":${n}`);
    if (rng.chance(0.6)) parts.push(`,"logprobs":${rng.pick(SWEEP_LOGPROBS)}`);
  } else {
    if (a.temperature !== undefined) parts.push(`,"temperature":${a.temperature}`);
    if (a.benchSeed !== undefined) parts.push(`,"seed":${a.benchSeed}`);
    if (a.topP !== undefined) parts.push(`,"topP":${a.topP}`);
    if (a.logprobs !== undefined) parts.push(`,"logprobs":${a.logprobs}`);
    if (a.persona === 'synthetic-data' && rng.chance(0.3)) {
      n = rng.int(2, 4);
      parts.push(`,"n":${n}`);
    }
  }
  const stream = client.kind === 'browser' || rng.chance(a.streamShare);
  parts.push(stream ? ',"stream":true' : ',"stream":false');
  const toolsChars = p.tools ? p.tools.length : 0;
  const inputTokens =
    Math.ceil((p.text.length + (p.system?.length ?? 0) + toolsChars) / 3.6) +
    (turn - 1) * rng.int(150, 600) +
    8;
  let status = 200;
  const r = rng.next();
  if (r < a.rateLimited) status = 429;
  else if (r < a.rateLimited + 0.003) status = rng.pick(ERROR_STATUSES);
  parts.push(`,"status":${status},"inputTokens":${inputTokens}`);
  if (status === 200) {
    const cap = a.maxTokens ?? 32_000;
    const out = Math.min(cap, Math.max(1, Math.round(p.outTokens * (0.7 + rng.next() * 0.6)))) * n;
    parts.push(`,"outputTokens":${out}`);
    let reasoning = 0;
    if (p.reasoning && model !== MODELS.lite) {
      reasoning = Math.round((opts.bench ? 150 : p.outTokens) * (0.5 + rng.next() * 1.5));
      parts.push(`,"reasoningTokens":${reasoning}`);
    }
    parts.push(
      `,"latencyMs":${Math.round(300 + rng.exp(200) + out * (model === MODELS.lite ? 4 : 11) + reasoning * 9)}}`,
    );
  } else parts.push(`,"outputTokens":0,"latencyMs":${Math.round(20 + rng.exp(60))}}`);
  const line = parts.join('');
  g.out.push({ ts, line });
  g.stats.exchanges++;
  if (a.campaign >= 0) {
    const c = g.perCampaign[a.campaign];
    c.exchanges++;
    if (ts < c.first) c.first = ts;
    if (ts > c.last) c.last = ts;
    if (ts >= a.from && ts < g.harvestFirst[a.idx]) g.harvestFirst[a.idx] = ts;
    g.stats.attackExchanges++;
  }
}

/** Share of hours in which a synchronised cell's scheduler is on. */
const SYNC_ON_SHARE = 0.35;

/** Mean messages of a warm-up session (an aging account's occasional small talk). */
const WARM_SESSION = 2;

/** One session of an account starting at `start`. */
function session(g: GenState, a: SimAccount, start: number, rng: Rng, warm: boolean): void {
  const world = g.world;
  const style = warm ? 'casual' : a.style;
  const day = Math.floor(start / DAY);
  let sessionIp: string | undefined;
  if (a.net.rotate) sessionIp = a.net.rotate.pick(rng);
  else if (a.net.perSession) sessionIp = a.net.pool[Math.floor(rng.next() * a.net.pool.length)];
  const stop = Math.min(warm ? a.from : a.to, world.end);
  const lang = langOf(rng, a.languages);
  if (style === 'benchmark-runner') {
    const bench = world.benchmarks[a.bench ?? 0];
    const count = Math.min(bench.items.length, rng.int(60, 300));
    let pos = g.benchPos[a.idx];
    let ts = start;
    for (let i = 0; i < count && ts < stop; i++) {
      if (pos >= bench.items.length) pos = 0;
      const text = bench.items[pos++];
      emit(
        g,
        a,
        ts,
        rng,
        { text, outTokens: bench.outTokens, reasoning: false },
        1,
        pickIp(a, rng, day, sessionIp),
        a.client,
        { sweep: false, bench: true },
      );
      ts += 700 + Math.floor(rng.exp(1800));
    }
    g.benchPos[a.idx] = pos;
    return;
  }
  const campaign = style === 'campaign' || style === 'campaign-slow';
  const size = geometric(rng, warm ? WARM_SESSION : a.sessionMean);
  let ts = start;
  let turn = 0;
  for (let m = 0; m < size && ts < stop; m++) {
    if (campaign) {
      const plan = world.campaigns[a.campaign].plan;
      const customer = a.customerShare > 0 && rng.chance(a.customerShare);
      if (customer) {
        const client = a.customerClients ? rng.pick(a.customerClients) : a.client;
        const p = rng.chance(0.5)
          ? chatPrompt(rng, 'en', world.corpus)
          : rng.chance(0.5)
            ? codingPrompt(rng, world.corpus)
            : agentPrompt(rng, rng.int(0, 5), 1, world.corpus);
        emit(g, a, ts, rng, p, 1, pickIp(a, rng, day, sessionIp), client, { sweep: false });
      } else {
        const p = attackPrompt(rng, plan);
        turn = p.tools && turn < 4 && rng.chance(0.5) ? turn + 1 : 1;
        emit(g, a, ts, rng, p, turn, pickIp(a, rng, day, sessionIp), a.client, {
          sweep: rng.chance(a.sweep),
        });
      }
      ts +=
        style === 'campaign-slow'
          ? 20_000 + Math.floor(rng.exp(150_000))
          : 1_500 + Math.floor(rng.exp(12_000));
    } else {
      // Scripted jobs send independent single-turn requests; people and agents hold conversations.
      turn = style === 'enterprise-pipeline' || style === 'synthetic-data' ? 1 : turn + 1;
      const p = benignPrompt(g, a, rng, style, turn, lang);
      emit(g, a, ts, rng, p, turn, pickIp(a, rng, day, sessionIp), a.client, { sweep: false });
      const gap =
        style === 'enterprise-pipeline' || style === 'synthetic-data'
          ? 300 + rng.exp(2_500)
          : style === 'agent-developer'
            ? 2_000 + rng.exp(25_000)
            : 15_000 + rng.exp(90_000);
      ts += Math.floor(gap);
    }
  }
}

/** Expected sessions per hour of an account at time t (0 outside its windows). */
function sessionRate(world: World, a: SimAccount, t: number): { rate: number; warm: boolean } {
  let daily: number;
  let warm = false;
  if (t >= a.from && t < a.to) daily = a.daily;
  else if (a.warmFrom > 0 && t >= a.warmFrom && t < a.from) {
    daily = a.warmDaily;
    warm = true;
  } else return { rate: 0, warm };
  if (daily <= 0) return { rate: 0, warm };
  const lh = localHour(t, a.offset);
  const shape = a.profile[lh] * a.weekly[localDow(t, a.offset)];
  const day = Math.floor((t + a.offset * HOUR) / DAY);
  let factor = dayFactor(world.seed, a.idx, day, a.burst);
  if (a.holidayFactor !== 1 && isHoliday(a.home, day)) factor *= a.holidayFactor;
  const mean = warm ? WARM_SESSION : a.style === 'benchmark-runner' ? 180 : a.sessionMean;
  let rate = ((daily / 24) * shape * factor) / mean;
  if (a.cell >= 0 && !warm) {
    const cell = world.cells[a.cell];
    // Synchronised cells share on/off hours of the operator's scheduler: a common multiplier.
    const on = hashUnit(cell.seed, Math.floor(t / HOUR), 3) < SYNC_ON_SHARE;
    rate *= 1 - cell.sync + (on ? cell.sync / SYNC_ON_SHARE : 0);
  }
  return { rate, warm };
}

/** Generates the world's exchanges in time order into the sinks; returns the totals. */
export async function generate(
  world: World,
  sinks: SimSinks,
  onHour?: (stats: SimStats, t: number) => void,
): Promise<SimStats> {
  const events = [...world.events].sort((x, y) => x.ts - y.ts);
  const stats: SimStats = {
    exchanges: 0,
    accountEvents: events.length,
    accounts: world.accounts.length,
    attackExchanges: 0,
    hours: 0,
  };
  await writeLines(events.map(eventLine), sinks.accounts);
  const g: GenState = {
    world,
    rng: createRng(world.seed, 2),
    out: [],
    counter: 0,
    stats,
    perCampaign: world.campaigns.map(() => ({
      exchanges: 0,
      first: Number.POSITIVE_INFINITY,
      last: Number.NEGATIVE_INFINITY,
    })),
    harvestFirst: new Float64Array(world.accounts.length).fill(Number.POSITIVE_INFINITY),
    benchPos: new Int32Array(world.accounts.length),
  };
  const rng = g.rng;
  const hours = Math.ceil((world.end - world.start) / HOUR);
  for (let h = 0; h < hours; h++) {
    const t0 = world.start + h * HOUR;
    const t1 = Math.min(world.end, t0 + HOUR);
    for (const a of world.accounts) {
      if (t0 >= a.to || t1 <= (a.warmFrom > 0 ? a.warmFrom : a.from)) continue;
      const { rate, warm } = sessionRate(world, a, a.from > t0 && a.from < t1 ? a.from : t0);
      if (rate <= 0) continue;
      const k = rng.poisson(rate);
      for (let s = 0; s < k; s++) {
        let start: number;
        const cell = a.cell >= 0 ? world.cells[a.cell] : undefined;
        if (cell && !warm && rng.chance(cell.sync)) {
          // Aligned to the cell's scheduler tick in this hour, with a little jitter.
          start =
            t0 +
            Math.floor(hashUnit(cell.seed, Math.floor(t0 / HOUR), 4) * (HOUR - 300_000)) +
            Math.floor(rng.next() * 240_000);
        } else start = t0 + Math.floor(rng.next() * HOUR);
        const lo = warm ? a.warmFrom : a.from;
        const hi = warm ? a.from : a.to;
        if (start < lo || start >= hi || start >= world.end) continue;
        session(g, a, start, rng, warm);
      }
    }
    await flush(g, t1, sinks);
    stats.hours = h + 1;
    onHour?.(stats, t1);
  }
  await flush(g, Number.POSITIVE_INFINITY, sinks);
  await sinks.labels(labelsOf(world, g));
  return stats;
}

async function flush(g: GenState, until: number, sinks: SimSinks): Promise<void> {
  if (g.out.length === 0) return;
  g.out.sort((x, y) => x.ts - y.ts);
  let cut = 0;
  while (cut < g.out.length && g.out[cut].ts < until) cut++;
  const lines = new Array<string>(cut);
  for (let i = 0; i < cut; i++) lines[i] = g.out[i].line;
  g.out = g.out.slice(cut);
  await writeLines(lines, sinks.exchanges);
}

async function writeLines(lines: string[], write: (chunk: string) => void | Promise<void>): Promise<void> {
  const CHUNK = 4096;
  for (let i = 0; i < lines.length; i += CHUNK) {
    const chunk = `${lines.slice(i, i + CHUNK).join('\n')}\n`;
    const done = write(chunk);
    if (done) await done;
  }
}

function eventLine(e: AccountEvent): string {
  return JSON.stringify({ ...e, ts: toRfc3339(e.ts) });
}

function labelsOf(world: World, g: GenState): Labels {
  const accounts: Labels['accounts'] = {};
  const members: string[][] = world.campaigns.map(() => []);
  const harvestStarts = world.campaigns.map(() => Number.POSITIVE_INFINITY);
  for (const a of [...world.accounts].sort((x, y) => (x.id < y.id ? -1 : 1))) {
    const harvest = g.harvestFirst[a.idx];
    accounts[a.id] = {
      persona: a.persona,
      isAttack: a.campaign >= 0,
      campaignId: a.campaign >= 0 ? world.campaigns[a.campaign].spec.id : null,
      tactic: a.tactic,
      ...(Number.isFinite(harvest) && { harvestStart: toRfc3339(harvest) }),
    };
    if (a.campaign >= 0) {
      members[a.campaign].push(a.id);
      harvestStarts[a.campaign] = Math.min(harvestStarts[a.campaign], harvest);
    }
  }
  const campaigns: CampaignLabel[] = world.campaigns.map((c, i) => {
    const s = g.perCampaign[i];
    return {
      id: c.spec.id,
      operator: c.spec.operator,
      tactics: c.tactics,
      accounts: members[i],
      start: toRfc3339(s.exchanges > 0 ? s.first : world.start),
      end: toRfc3339(s.exchanges > 0 ? s.last : world.start),
      exchanges: s.exchanges,
      ...(Number.isFinite(harvestStarts[i]) && { harvestStart: toRfc3339(harvestStarts[i]) }),
    };
  });
  return {
    preset: world.preset,
    seed: world.seed,
    scale: world.scale,
    days: world.days,
    start: toRfc3339(world.start),
    end: toRfc3339(world.end),
    accounts,
    campaigns,
  };
}
