/**
 * A small, deterministic fixture world shaped exactly like the distillwatch HTTP API answers
 * (campaign list, campaign detail, account detail, stats), for browser tests of the dashboard
 * that do not need the real engine: empty, benign and edge cases are easy to stage here.
 */
import type { AccountSummary, CampaignResult, Evidence } from '../../../src/core/types.js';

/** The detail answer of one campaign (mirrors web/src/api.ts CampaignDetail). */
export interface FixtureCampaign {
  campaign: CampaignResult & { history: { ts: string; status: string; score: number; note?: string; actor?: string }[] };
  members: {
    account: string;
    risk: number;
    flaggedAt: string | null;
    exchanges: number;
    declaredCountry: string | null;
    residency: 'consistent' | 'inconsistent' | 'unknown';
  }[];
  timeline: { hour: string; exchanges: number }[];
  graph: {
    nodes: { id: string; risk: number }[];
    edges: { source: string; target: string; weight: number; kinds: string[]; evidence?: Evidence[] }[];
  };
  residency: { byVerdict: Record<string, number>; byCountry: Record<string, number> };
  extraction: Record<string, number>;
}

/** A seeded PRNG (mulberry32) so fixtures are identical on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOUR = 3_600_000;
const START = Date.parse('2026-04-22T00:00:00Z');

interface Spec {
  id: string;
  status: 'suspected' | 'confirmed' | 'dismissed' | 'closed';
  score: number;
  accounts: number;
  days: number;
  startDay: number;
  kinds: string[];
  caps: Record<string, number>;
  extraction: Record<string, number>;
  countries: string[];
  attribution?: { campaign: string; summary: string };
}

const SPECS: Spec[] = [
  {
    id: 'C-0001',
    status: 'confirmed',
    score: 0.97,
    accounts: 60,
    days: 20,
    startDay: 0,
    kinds: ['payment', 'prefix', 'template', 'ja4'],
    caps: { coding: 0.52, agentic: 0.31, 'tool-use': 0.22, reasoning: 0.4 },
    extraction: { 'cot-elicitation': 0.41, 'rubric-grading': 0.12 },
    countries: ['US', 'SG', 'DE'],
  },
  {
    id: 'C-0002',
    status: 'suspected',
    score: 0.88,
    accounts: 42,
    days: 12,
    startDay: 18,
    kinds: ['template', 'band', 'signup-burst', 'email-shape', 'asn'],
    caps: { reasoning: 0.61, math: 0.33, 'long-horizon': 0.12 },
    extraction: { 'cot-elicitation': 0.58, 'instruction-generation': 0.2 },
    countries: ['US', 'JP'],
    attribution: { campaign: 'C-0001', summary: 'same operator as C-0001, via 7 shared /24 prefixes and 3 templates' },
  },
  {
    id: 'C-0003',
    status: 'suspected',
    score: 0.64,
    accounts: 18,
    days: 30,
    startDay: 5,
    kinds: ['device', 'user-agent', 'ip'],
    caps: { coding: 0.8, chat: 0.1 },
    extraction: { 'instruction-generation': 0.07 },
    countries: ['GB'],
  },
  {
    id: 'C-0004',
    status: 'dismissed',
    score: 0.42,
    accounts: 25,
    days: 40,
    startDay: 2,
    kinds: ['org', 'prefix'],
    caps: { writing: 0.5, translation: 0.3 },
    extraction: {},
    countries: ['FR'],
  },
  {
    id: 'C-0005',
    status: 'closed',
    score: 0.91,
    accounts: 30,
    days: 9,
    startDay: 25,
    kinds: ['card', 'sdk', 'model-pivot'],
    caps: { 'tool-use': 0.7, agentic: 0.5 },
    extraction: { 'rubric-grading': 0.3 },
    countries: ['CA', 'US'],
  },
  {
    // A hydra-sized campaign: the graph must be cut to its most connected accounts.
    id: 'C-0006',
    status: 'suspected',
    score: 0.79,
    accounts: 1200,
    days: 6,
    startDay: 30,
    kinds: ['prefix', 'template', 'ja4', 'email-domain'],
    caps: { coding: 0.45, reasoning: 0.5 },
    extraction: { 'cot-elicitation': 0.3 },
    countries: ['US', 'DE', 'FR', 'GB'],
  },
];

/** Builds the fixture world: campaign details by id, account details by id, and stats. */
export function buildWorld(): { campaigns: Map<string, FixtureCampaign>; accounts: Map<string, unknown> } {
  const campaigns = new Map<string, FixtureCampaign>();
  const accounts = new Map<string, unknown>();
  const rand = rng(7);
  for (const spec of SPECS) {
    const ids = Array.from({ length: spec.accounts }, (_, i) => `${spec.id.toLowerCase()}-acct-${String(i).padStart(3, '0')}`);
    const first = START + spec.startDay * 24 * HOUR;
    const last = first + spec.days * 24 * HOUR;
    const timeline: { hour: string; exchanges: number }[] = [];
    let total = 0;
    for (let t = first; t < last; t += HOUR) {
      const hour = new Date(t).getUTCHours();
      const ramp = Math.min(1, (t - first) / (3 * 24 * HOUR));
      const n = Math.round((40 + 30 * Math.sin((hour / 24) * Math.PI * 2) + rand() * 20) * ramp * (spec.accounts / 20));
      timeline.push({ hour: new Date(t).toISOString(), exchanges: n });
      total += n;
    }
    const perAccount = ids.map(() => 0.5 + rand());
    const sum = perAccount.reduce((s, v) => s + v, 0);
    const members = ids.map((account, i) => {
      const exchanges = Math.round((perAccount[i] / sum) * total);
      const residency: 'consistent' | 'inconsistent' | 'unknown' =
        rand() < 0.6 ? 'inconsistent' : rand() < 0.5 ? 'unknown' : 'consistent';
      return {
        account,
        risk: Math.min(1, Math.max(0, spec.score - 0.3 + rand() * 0.35)),
        flaggedAt: spec.status === 'dismissed' ? null : new Date(first + (1 + rand() * 3) * 24 * HOUR).toISOString(),
        exchanges,
        declaredCountry: spec.countries[i % spec.countries.length],
        residency,
      };
    });
    const edges: FixtureCampaign['graph']['edges'] = [];
    for (let i = 0; i < ids.length; i++) {
      const links = 2 + Math.floor(rand() * 3);
      for (let k = 0; k < links; k++) {
        const j = Math.floor(rand() * ids.length);
        if (j === i) continue;
        const kinds = [spec.kinds[Math.floor(rand() * spec.kinds.length)]];
        if (rand() < 0.3) kinds.push(spec.kinds[Math.floor(rand() * spec.kinds.length)]);
        const weight = Math.round((2 + rand() * 12) * 100) / 100;
        const unique = [...new Set(kinds)];
        edges.push({
          source: ids[i],
          target: ids[j],
          weight,
          kinds: unique,
          evidence: unique.map((k) => ({
            kind: `shared-${k}`,
            weight: Math.round((weight / unique.length) * 100) / 100,
            summary: `share the ${k} value ${spec.id.toLowerCase()}-${k}-1 (held by 6 accounts)`,
            facts: { values: [{ value: `${spec.id.toLowerCase()}-${k}-1`, holders: 6 }] },
          })),
        });
      }
    }
    const byVerdict: Record<string, number> = { consistent: 0, inconsistent: 0, unknown: 0 };
    const byCountry: Record<string, number> = {};
    for (const m of members) {
      byVerdict[m.residency]++;
      // Exchanges by observed IP country: mostly not where the accounts say they are.
      for (const [country, share] of [['SG', 0.6], ['HK', 0.3], [m.declaredCountry ?? 'US', 0.1]] as const)
        byCountry[country] = (byCountry[country] ?? 0) + Math.round(m.exchanges * share);
    }
    const evidence: Evidence[] = [
      {
        kind: `shared-${spec.kinds[0]}`,
        weight: 0.31,
        summary: `${Math.round(spec.accounts * 0.8)} accounts share the ${spec.kinds[0]} value ${spec.id.toLowerCase()}-v1 (held by ${Math.round(spec.accounts * 0.8)} accounts)`,
        facts: { values: [{ value: `${spec.id.toLowerCase()}-v1`, holders: Math.round(spec.accounts * 0.8) }], accounts: ids.slice(0, 12) },
      },
      {
        kind: 'template-concentration',
        weight: 0.22,
        summary: `4 prompt templates make up 71% of the campaign's exchanges across ${spec.accounts} accounts`,
        facts: { templates: 4, share: 0.71 },
      },
      {
        kind: 'extraction-share',
        weight: 0.18,
        summary: `${Math.round((Object.values(spec.extraction)[0] ?? 0) * 100)}% of prompts ask for step-by-step reasoning traces`,
        facts: {
          value: Object.values(spec.extraction)[0] ?? 0,
          shares: spec.extraction,
          examples: {
            'cot-elicitation': ['think step by step and show all of your reasoning', 'provide a detailed chain of thought'],
            'instruction-generation': ['give me 30 diverse tasks', 'come up with 50 varied instructions'],
          },
        },
      },
      {
        kind: 'residency',
        weight: 0.09,
        summary: `${byVerdict.inconsistent} of ${spec.accounts} accounts declare a country their traffic does not come from`,
        facts: byVerdict,
      },
    ];
    if (spec.status === 'dismissed') {
      evidence.push({
        kind: 'benign-verified-org',
        weight: -0.25,
        summary: 'All accounts belong to one verified organisation with a documented data pipeline',
        facts: { org: 'acme-research' },
      });
    }
    const history: FixtureCampaign['campaign']['history'] = [
      { ts: new Date(first + 2 * 24 * HOUR).toISOString(), status: 'suspected', score: spec.score - 0.1 },
    ];
    if (spec.status !== 'suspected') {
      history.push({
        ts: new Date(first + 3 * 24 * HOUR).toISOString(),
        status: spec.status,
        score: spec.score,
        note: spec.status === 'dismissed' ? 'Verified enterprise pipeline' : 'Checked payment and template evidence',
        actor: 'analyst-1',
      });
    }
    const campaign: FixtureCampaign['campaign'] = {
      id: spec.id,
      status: spec.status,
      score: spec.score,
      accounts: ids,
      exchanges: total,
      callsPerAccount: Math.round(total / ids.length),
      firstSeen: new Date(first).toISOString(),
      lastSeen: new Date(last).toISOString(),
      detectedAt: new Date(first + 2 * 24 * HOUR).toISOString(),
      capabilities: spec.caps,
      evidence,
      attribution: spec.attribution ?? null,
      history,
    };
    campaigns.set(spec.id, {
      campaign,
      members,
      timeline,
      graph: { nodes: members.map((m) => ({ id: m.account, risk: m.risk })), edges },
      residency: { byVerdict, byCountry },
      extraction: spec.extraction,
    });
    for (const m of members) {
      const neighbours = edges.filter((e) => e.source === m.account || e.target === m.account);
      accounts.set(m.account, {
        account: m.account,
        summary: summaryFor(m.account, m.exchanges, first, last, m.declaredCountry, rand),
        verdict: { account: m.account, risk: m.risk, campaign: spec.id, flaggedAt: m.flaggedAt },
        residency: {
          account: m.account,
          declaredCountry: m.declaredCountry,
          verdict: m.residency,
          score: m.residency === 'inconsistent' ? 0.82 : 0.1,
          inferredRegion: m.residency === 'inconsistent' ? 'UTC+8 (East Asia)' : null,
          confidence: 0.74,
          restricted: m.residency === 'inconsistent',
          evidence: [
            {
              kind: 'ip-country',
              weight: 0.4,
              summary: `92% of exchanges come from addresses outside ${m.declaredCountry}`,
              facts: { declared: m.declaredCountry, observed: { SG: 310, HK: 120 } },
            },
            {
              kind: 'timezone',
              weight: 0.3,
              summary: 'Activity troughs at 18:00-23:00 UTC, a night in UTC+8, not in the declared country',
            },
          ],
        },
        links: neighbours.slice(0, 30).map((e) => ({
          account: e.source === m.account ? e.target : e.source,
          weight: e.weight,
          evidence: e.kinds.map((k) => ({
            kind: `shared-${k}`,
            weight: e.weight / e.kinds.length,
            summary: `share the ${k} value ${spec.id.toLowerCase()}-${k}-1 (held by 6 accounts)`,
            facts: { values: [{ value: `${spec.id.toLowerCase()}-${k}-1`, holders: 6 }] },
          })),
        })),
        campaign: spec.id,
      });
    }
  }
  return { campaigns, accounts };
}

/** A plausible AccountSummary for one fixture account. */
function summaryFor(
  account: string,
  exchanges: number,
  first: number,
  last: number,
  country: string | null,
  rand: () => number,
): AccountSummary {
  const hourly = Array.from({ length: 24 }, (_, h) => Math.round((exchanges / 24) * (0.4 + 0.6 * Math.abs(Math.sin(((h + 6) / 24) * Math.PI)))));
  const daily: Record<string, number> = {};
  for (let t = first; t < last; t += 24 * HOUR) daily[new Date(t).toISOString().slice(0, 10)] = Math.round((exchanges / ((last - first) / (24 * HOUR))) * (0.7 + rand() * 0.6));
  return {
    account,
    org: null,
    identity: {
      signupTs: first - 5 * HOUR,
      emailDomain: 'mailbox.example',
      emailLocalShape: 'aaaa9999',
      paymentFingerprint: 'pf_7c1e',
      cardBin: '424242',
      cardCountry: country,
      phoneCountry: country,
      declaredCountry: country,
      signupIp: '203.0.113.7',
      signupNet: { country: 'SG', asn: 64500, asOrg: 'Example Hosting', class: 'hosting', prefix: '203.0.113.0/24' },
      deviceId: null,
      ja4: 't13d1516h2_8daaf6152771_02713d6af862',
      route: 'self-serve',
      bannedAt: null,
    },
    firstSeen: first,
    lastSeen: last,
    exchanges,
    inputTokens: exchanges * 420,
    outputTokens: exchanges * 910,
    reasoningTokens: exchanges * 300,
    rateLimited: Math.round(exchanges * 0.04),
    errors: Math.round(exchanges * 0.05),
    hourly,
    daily,
    gaps: { count: exchanges, mean: 300, m2: 1000 },
    sampling: { multiN: 0, logprobs: 12, temperatureZero: 40, seeded: 3, temperatures: [0, 0.7], seeds: 3 },
    models: { 'frontier-large': Math.round(exchanges * 0.8), 'frontier-small': Math.round(exchanges * 0.2) },
    modelFirstUse: {},
    capabilities: { coding: Math.round(exchanges * 0.5), reasoning: Math.round(exchanges * 0.4) },
    extraction: { 'cot-elicitation': Math.round(exchanges * 0.3) },
    extractionExamples: {},
    templates: {},
    bands: {},
    languages: { en: exchanges },
    ips: {},
    prefixes: {},
    asns: {},
    ipCountries: { SG: Math.round(exchanges * 0.7), HK: Math.round(exchanges * 0.3) },
    netClasses: { hosting: Math.round(exchanges * 0.8), isp: Math.round(exchanges * 0.2) },
    userAgents: {},
    sdkSets: {},
    ja4s: {},
    clients: { sdk: exchanges },
    apiKeys: 2,
  };
}
