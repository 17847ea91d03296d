/**
 * A hand-written world for pipeline and scan tests: a small distillation campaign (accounts
 * signed up together, shared payment and hosting prefix, one CoT-harvesting template, metronomic
 * traffic), its benign look-alike (a university NAT: many students behind one address, varied
 * prompts, browsers), and a few independent developers. Deterministic; no simulator involved.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AccountEvent, Exchange } from '../../core/types.js';

export const T0 = Date.parse('2026-04-22T00:00:00Z');
const MIN = 60_000;
const HOUR = 3_600_000;

export interface HandWrittenLog {
  exchanges: Exchange[];
  events: AccountEvent[];
  campaignAccounts: string[];
  benignAccounts: string[];
}

const TOPICS = [
  'photosynthesis',
  'the French revolution',
  'binary search',
  'tax brackets',
  'sourdough',
  'black holes',
  'Rust lifetimes',
  'jazz chords',
];

/** Builds the log: `days` of traffic (default 3). */
export function handWrittenLog(days = 3): HandWrittenLog {
  const exchanges: Exchange[] = [];
  const events: AccountEvent[] = [];
  const campaignAccounts = Array.from({ length: 8 }, (_, i) => `op-${i}`);
  const students = Array.from({ length: 8 }, (_, i) => `student-${i}`);
  const devs = ['dev-anna', 'dev-bo', 'dev-chen'];
  let id = 0;

  campaignAccounts.forEach((account, i) => {
    events.push({
      ts: T0 - 2 * HOUR + i * 3 * MIN,
      account,
      kind: 'signup',
      emailDomain: 'mailbox-fast.example',
      emailLocalShape: 'aaaaa9999',
      paymentFingerprint: `pf-op-${i % 2}`,
      cardBin: '623456',
      cardCountry: 'US',
      declaredCountry: 'US',
      signupIp: `3.5.140.${10 + i}`,
      route: 'self-serve',
    });
    for (let t = T0 + i * 7 * MIN; t < T0 + days * 24 * HOUR; t += 20 * MIN) {
      const n = id;
      exchanges.push({
        id: `x${id++}`,
        ts: t,
        account,
        model: 'frontier-large',
        ip: `3.5.140.${20 + ((n * 7) % 50)}`,
        userAgent: 'python-requests/2.31.0',
        prompt: `Solve problem #${n % 997}: a train leaves at ${n % 12} o'clock going ${40 + (n % 30)} km/h. Think step by step and write out your complete internal reasoning inside <thinking> tags before the final answer.`,
        temperature: 0,
        maxTokens: 8192,
        status: 200,
        inputTokens: 60,
        outputTokens: 1800,
      });
    }
  });

  students.forEach((account, i) => {
    events.push({
      ts: T0 - 30 * 24 * HOUR + i * 5 * 24 * HOUR,
      account,
      kind: 'signup',
      emailDomain: 'uni-example.edu',
      emailLocalShape: i % 2 ? 'aaaa.aaaaa' : 'aaaaaaa99',
      declaredCountry: 'DE',
      signupIp: '141.20.1.5',
      route: 'education',
    });
    for (let d = 0; d < days; d++) {
      for (let k = 0; k < 4 + ((i + d) % 5); k++) {
        const t = T0 + d * 24 * HOUR + (8 + ((i * 3 + k * 2) % 10)) * HOUR + ((i * 13 + k * 17) % 60) * MIN;
        exchanges.push({
          id: `x${id++}`,
          ts: t,
          account,
          model: 'frontier-small',
          ip: '141.20.1.5',
          userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/124.0 Safari/537.36',
          prompt: `can you explain ${TOPICS[(i + k + d) % TOPICS.length]} to me, I have an exam on ${['monday', 'friday'][k % 2]}`,
          temperature: 0.7,
          status: 200,
          inputTokens: 20,
          outputTokens: 400,
        });
      }
    }
  });

  devs.forEach((account, i) => {
    events.push({
      ts: T0 - 90 * 24 * HOUR,
      account,
      kind: 'signup',
      emailDomain: `${account}.example.com`,
      declaredCountry: 'GB',
      signupIp: `81.2.69.${i + 1}`,
    });
    for (let d = 0; d < days; d++) {
      for (let k = 0; k < 6; k++) {
        exchanges.push({
          id: `x${id++}`,
          ts: T0 + d * 24 * HOUR + (9 + k) * HOUR + i * 11 * MIN,
          account,
          model: k === 5 ? 'frontier-large' : 'frontier-small',
          ip: `81.2.69.${i + 1}`,
          userAgent: 'OpenAI/Python 1.82.0',
          sdk: { 'x-stainless-lang': 'python', 'x-stainless-package-version': '1.82.0' },
          prompt: `refactor this ${['function', 'class', 'test'][k % 3]} in my ${account} project to use async io: def f(x): return g(x) + ${k * d}`,
          status: k === 3 ? 429 : 200,
          inputTokens: 200,
          outputTokens: 300,
        });
      }
    }
  });

  exchanges.sort((a, b) => a.ts - b.ts || (a.id < b.id ? -1 : 1));
  events.sort((a, b) => a.ts - b.ts);
  return { exchanges, events, campaignAccounts, benignAccounts: [...students, ...devs] };
}

/** Writes the log as NDJSON files in `dir`; returns their paths. */
export function writeLog(
  dir: string,
  log: { exchanges: Exchange[]; events: AccountEvent[] },
  extraLines: string[] = [],
): { exchanges: string; accounts: string } {
  mkdirSync(dir, { recursive: true });
  const exchanges = join(dir, 'exchanges.ndjson');
  const accounts = join(dir, 'accounts.ndjson');
  writeFileSync(exchanges, [...log.exchanges.map((x) => JSON.stringify(x)), ...extraLines].join('\n') + '\n');
  writeFileSync(accounts, log.events.map((e) => JSON.stringify(e)).join('\n') + '\n');
  return { exchanges, accounts };
}
