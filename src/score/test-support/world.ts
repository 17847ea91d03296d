/**
 * A hand-built world of account summaries for engine tests: a campaign and the benign crowds that
 * look like one (an enterprise pipeline under one org, a university NAT, benchmark runners, a
 * verified org generating synthetic data) in a background of ordinary users. Deterministic.
 */
import type { AccountSummary } from '../../core/types.js';
import { makeSummary, type SummaryPatch } from '../../detectors/fixture-kit.js';

export const T0 = Date.UTC(2026, 3, 1);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function days(from: number, n: number, perDay: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (let d = 0; d < n; d++) out[new Date(T0 + (from + d) * DAY).toISOString().slice(0, 10)] = perDay;
  return out;
}

function diurnal(total: number): number[] {
  const shape = [1, 0, 0, 0, 0, 0, 0, 1, 3, 6, 8, 9, 9, 8, 8, 9, 9, 8, 6, 5, 4, 3, 2, 1];
  const sum = shape.reduce((s, x) => s + x, 0);
  return shape.map((x) => Math.round((x / sum) * total));
}

function flat(total: number): number[] {
  return new Array(24).fill(Math.round(total / 24));
}

/** Summary builder with the activity fields filled consistently. */
function active(
  account: string,
  p: SummaryPatch & { perDay: number; fromDay: number; nDays: number; human?: boolean },
): AccountSummary {
  const { perDay, fromDay, nDays, human, ...rest } = p;
  const exchanges = perDay * nDays;
  return makeSummary(account, {
    firstSeen: T0 + fromDay * DAY,
    lastSeen: T0 + (fromDay + nDays) * DAY - HOUR,
    exchanges,
    hourly: human ? diurnal(exchanges) : flat(exchanges),
    daily: days(fromDay, nDays, perDay),
    ...rest,
  });
}

/** A campaign of `n` accounts: private templates, extraction prompts, proxies, bursts of sign-ups. */
export function campaign(
  prefix: string,
  n: number,
  opts: { fromDay?: number; nDays?: number } = {},
): AccountSummary[] {
  const fromDay = opts.fromDay ?? 2;
  const nDays = opts.nDays ?? 5;
  return Array.from({ length: n }, (_, i) =>
    active(`${prefix}-${i}`, {
      perDay: 30,
      fromDay,
      nDays,
      identity: {
        signupTs: T0 + (fromDay - 1) * DAY + Math.floor(i / 10) * 2 * HOUR + (i % 10) * 60_000,
        emailDomain: i % 2 ? 'gmail.com' : 'outlook.com',
        emailLocalShape: 'aaaaaaa9999',
        declaredCountry: 'US',
        cardCountry: 'US',
        cardBin: `4147${i % 3}0`,
        paymentFingerprint: `${prefix}-pay-${Math.floor(i / 8)}`,
        signupIp: `203.0.113.${i % 50}`,
        signupNet: {
          country: 'SG',
          asn: 64500,
          asOrg: 'Proxy Hosting',
          class: 'hosting',
          prefix: '203.0.113.0/24',
        },
        ja4: 't13d1516h2_8daaf6152771_02713d6af862',
      },
      models: { 'model-a': 150 },
      modelFirstUse: { 'model-a': T0 + fromDay * DAY },
      capabilities: { agentic: 80, coding: 60, 'long-horizon': 30, reasoning: 30 },
      extraction: { 'cot-elicitation': 90, 'rubric-grading': 20 },
      extractionExamples: { 'cot-elicitation': ['show your full reasoning step by step before answering'] },
      templates: { [`${prefix}-tpl-a`]: 70, [`${prefix}-tpl-b`]: 50, [`${prefix}-tpl-${i % 7}`]: 30 },
      bands: { [`${prefix}-band-1`]: 70, [`${prefix}-band-2`]: 50 },
      ips: { [`198.51.${100 + (i % 6)}.${i}`]: 150 },
      prefixes: { [`198.51.${100 + (i % 6)}.0/24`]: 100, [`198.51.${100 + ((i + 1) % 6)}.0/24`]: 50 },
      asns: { '64501': 150 },
      ipCountries: { SG: 150 },
      netClasses: { hosting: 150 },
      userAgents: { 'python-httpx/0.27.0': 150 },
      sdkSets: { 'sdk-set-1': 150 },
      ja4s: { t13d1516h2_8daaf6152771_02713d6af862: 150 },
      sampling: {
        multiN: 60,
        logprobs: 60,
        temperatureZero: 0,
        seeded: 100,
        temperatures: [0.2, 0.5, 0.8, 1],
        seeds: 40,
      },
    }),
  );
}

/** Ordinary users: each on its own network, popular software and webmail, own prompts. */
export function background(n: number): AccountSummary[] {
  return Array.from({ length: n }, (_, i) =>
    active(`user-${i}`, {
      perDay: 3 + (i % 17),
      fromDay: i % 5,
      nDays: 1 + (i % 6),
      human: true,
      identity: {
        signupTs: T0 - (i % 300) * DAY - (i % 24) * HOUR,
        emailDomain: ['gmail.com', 'outlook.com', 'yahoo.com'][i % 3],
        emailLocalShape: ['aaaa.aaaaa99', 'aaaaaaa', 'aaaaa99'][i % 3],
        declaredCountry: 'US',
        paymentFingerprint: `user-pay-${i}`,
        cardBin: `4${i % 50}000`,
        cardCountry: 'US',
        signupIp: `100.${i % 250}.${i % 7}.${i % 200}`,
        signupNet: {
          country: 'US',
          asn: 7000 + (i % 40),
          asOrg: 'ISP',
          class: 'isp',
          prefix: `100.${i % 250}.${i % 7}.0/24`,
        },
        ja4: `ja4-browser-${i % 5}`,
      },
      capabilities: { chat: 10, writing: 5, coding: 3 },
      templates: { [`free-${i}-a`]: 3, [`popular-${i % 20}`]: 2 },
      bands: { [`free-band-${i}`]: 3, [`popular-band-${i % 20}`]: 2 },
      ips: { [`100.${i % 250}.${i % 7}.${i % 200}`]: 10 },
      prefixes: { [`100.${i % 250}.${i % 7}.0/24`]: 10 },
      asns: { [String(7000 + (i % 40))]: 10 },
      ipCountries: { US: 10 },
      netClasses: { isp: 10 },
      userAgents: { [`Mozilla/5.0 browser-${i % 8}`]: 10 },
      sdkSets: { [`sdk-set-pop-${i % 4}`]: 10 },
      ja4s: { [`ja4-browser-${i % 5}`]: 10 },
    }),
  );
}

/** An enterprise pipeline: many keys under one org, one payment, one template, a cloud, round the clock. */
export function enterprise(n: number): AccountSummary[] {
  return Array.from({ length: n }, (_, i) =>
    active(`acme-${i}`, {
      perDay: 40,
      fromDay: 0,
      nDays: 7,
      org: 'acme-corp',
      identity: {
        signupTs: T0 - 30 * DAY + i * 60_000,
        emailDomain: 'acme.example',
        emailLocalShape: 'aaaa.aaaaa',
        declaredCountry: 'US',
        cardCountry: 'US',
        paymentFingerprint: 'acme-pay',
        signupIp: '192.0.2.10',
        signupNet: { country: 'US', asn: 16509, asOrg: 'Cloud', class: 'hosting', prefix: '192.0.2.0/24' },
      },
      capabilities: { coding: 100, knowledge: 180 },
      templates: { 'acme-tpl': 280 },
      bands: { 'acme-band': 280 },
      ips: { [`192.0.2.${10 + (i % 4)}`]: 280 },
      prefixes: { '192.0.2.0/24': 280 },
      asns: { '16509': 280 },
      ipCountries: { US: 280 },
      netClasses: { hosting: 280 },
      userAgents: { 'acme-pipeline/2.1 python-requests': 280 },
      sdkSets: { 'sdk-acme': 280 },
      ja4s: { 'ja4-acme': 280 },
    }),
  );
}

/** Students behind one university NAT: shared addresses and domain, own homework, human rhythm. */
export function university(n: number): AccountSummary[] {
  return Array.from({ length: n }, (_, i) =>
    active(`student-${i}`, {
      perDay: 2 + (i % 13),
      fromDay: i % 4,
      nDays: 1 + (i % 5),
      human: true,
      identity: {
        signupTs: T0 - (i % 60) * DAY - (i % 11) * HOUR,
        emailDomain: 'uni.example.edu',
        emailLocalShape: ['aaaaa99', 'aaaa.aaaa'][i % 2],
        declaredCountry: 'US',
        cardCountry: 'US',
        paymentFingerprint: `student-pay-${i}`,
        signupIp: `192.0.2.${200 + (i % 3)}`,
        signupNet: {
          country: 'US',
          asn: 3000,
          asOrg: 'University',
          class: 'education',
          prefix: '192.0.2.0/24',
        },
        route: 'education',
      },
      capabilities: { math: 8, reasoning: 4, writing: 4 },
      extraction: { 'cot-elicitation': 1 },
      templates: { [`hw-${i}`]: 4, [`hw-${i + 1}`]: 2 },
      bands: { [`hw-band-${i}`]: 4 },
      ips: { [`192.0.2.${200 + (i % 3)}`]: 12 },
      prefixes: { '192.0.2.0/24': 12 },
      asns: { '3000': 12 },
      ipCountries: { US: 12 },
      netClasses: { education: 12 },
      userAgents: { [`Mozilla/5.0 browser-${i % 8}`]: 12 },
      sdkSets: { [`sdk-set-pop-${i % 4}`]: 12 },
    }),
  );
}

/** Benchmark runners: unrelated labs sending public benchmark items at temperature 0 with a fixed seed. */
export function benchmarkRunners(n: number): AccountSummary[] {
  return Array.from({ length: n }, (_, i) =>
    active(`bench-${i}`, {
      perDay: 200,
      fromDay: i % 3,
      nDays: 2,
      identity: {
        signupTs: T0 - (i + 5) * 13 * DAY,
        emailDomain: `lab${i}.example.org`,
        declaredCountry: 'US',
        cardCountry: 'US',
        paymentFingerprint: `bench-pay-${i}`,
        signupIp: `198.18.${i}.1`,
        signupNet: {
          country: 'US',
          asn: 16509,
          asOrg: 'Cloud',
          class: 'hosting',
          prefix: `198.18.${i}.0/24`,
        },
      },
      capabilities: { math: 200, reasoning: 200, coding: 100 },
      templates: { 'mmlu-item': 150, 'gsm8k-item': 150, 'humaneval-item': 100 },
      bands: { 'mmlu-band': 150, 'gsm8k-band': 150 },
      ips: { [`198.18.${i}.1`]: 400 },
      prefixes: { [`198.18.${i}.0/24`]: 400 },
      asns: { '16509': 400 },
      ipCountries: { US: 400 },
      netClasses: { hosting: 400 },
      userAgents: { 'lm-eval-harness/0.4 python-httpx/0.27.0': 400 },
      sdkSets: { 'sdk-set-pop-1': 400 },
      ja4s: { t13d1516h2_8daaf6152771_02713d6af862: 400 },
      sampling: { multiN: 0, logprobs: 0, temperatureZero: 400, seeded: 400, temperatures: [0], seeds: 1 },
    }),
  );
}

/** Casual users who also send the public benchmark items now and then (makes those items popular). */
export function benchmarkCrowd(n: number): AccountSummary[] {
  return background(n).map((s, i) => ({
    ...s,
    account: `crowd-${i}`,
    templates: { ...s.templates, [['mmlu-item', 'gsm8k-item', 'humaneval-item'][i % 3]]: 1 },
    bands: { ...s.bands, [['mmlu-band', 'gsm8k-band'][i % 2]]: 1 },
    identity: { ...s.identity, paymentFingerprint: `crowd-pay-${i}` },
  }));
}

/** A verified org generating synthetic data: instruction-generation prompts under one org, one payment. */
export function syntheticDataOrg(n: number): AccountSummary[] {
  return enterprise(n).map((s, i) => ({
    ...s,
    account: `synth-${i}`,
    org: 'synthdata-inc',
    identity: {
      ...s.identity,
      emailDomain: 'synthdata.example',
      paymentFingerprint: 'synth-pay',
      signupIp: '192.0.2.77',
    },
    templates: { 'synth-tpl': 280 },
    bands: { 'synth-band': 280 },
    extraction: { 'instruction-generation': 250 },
    extractionExamples: { 'instruction-generation': ['generate 20 diverse tasks'] },
    userAgents: { 'synth-gen/1.0': 280 },
    sdkSets: { 'sdk-synth': 280 },
    ja4s: { 'ja4-synth': 280 },
  }));
}
