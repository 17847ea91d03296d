/**
 * World presets: the benign population and the campaigns of each scenario. `small` is for tests
 * and the quick start; `alibaba-2026` and `feb-2026` follow the shapes of the 2026 disclosures
 * (DESIGN.md §1). Every count scales with --scale.
 */
import type { Target } from './prompts.js';

/** A network/lifecycle tactic of a group of campaign accounts (one per account: its label). */
export type CellTactic = 'blatant' | 'low-and-slow' | 'residential-proxy' | 'camouflaged' | 'hydra';

/** A group of a campaign's accounts sharing one tactic and its parameters. */
export interface CellSpec {
  tactic: CellTactic;
  /** Share of the campaign's accounts. */
  share: number;
  /** Relative per-account volume (low-and-slow uses perDay instead). */
  rateWeight?: number;
  /** low-and-slow: mean calls per account per day. */
  perDay?: number;
  /** blatant: hosting providers, number of shared IPs, shared cards per account. */
  hosting?: string[];
  sharedIps?: number;
  accountsPerCard?: number;
  /** Probability that a request rides into the rate limit (429). */
  rateLimited?: number;
  /** camouflaged: share of each account's traffic that is real reseller customers. */
  customerShare?: number;
  /** hydra: mean account lifetime in days, share banned (others abandoned), network. */
  lifetimeDays?: number;
  banRate?: number;
  network?: 'hosting' | 'residential';
  /** residential-proxy: a new exit per request or per session. */
  rotate?: 'request' | 'session';
}

/** One campaign: its operator, scale, targets, tactics and their strengths. */
export interface CampaignSpec {
  id: string;
  operator: string;
  accounts: number;
  exchanges: number;
  /** Active window in days from the world start. */
  startDay: number;
  endDay: number;
  targets: Target[];
  /** Base templates the campaign sends. */
  templates: number;
  /** Where the operator really is: activity clock, leaked IPs, language. */
  homeCountry: string;
  homeOffset: number;
  /** Countries the accounts declare, with weights. */
  declared: [string, number][];
  languages: [string, number][];
  cells: CellSpec[];
  prompts: {
    cot: number;
    rubric: number;
    instructionGen: number;
    censorship: number;
    paraphrase: number;
    sweep: number;
  };
  /** Sign-up routes with weights (education/startup routes are tactics). */
  routes: [string, number][];
  /** Share of traffic that moves to the newly released model within 24 h (0 = no pivot). */
  modelPivot: number;
  /** Account aging: days between sign-up and first use, and warm-up calls per day meanwhile. */
  aging?: { minDays: number; maxDays: number; warmupPerDay: number };
  /** Share of exchanges leaking from the operator's home ISP. */
  leak: number;
  /** 0..1: how synchronised the accounts' sessions are. */
  sync: number;
  /** 0..1: how careful the identities are (1 = no shared cards/devices, varied clients). */
  identityCare: number;
}

/** The benign population of a preset. */
export interface BenignSpec {
  casual: number;
  developer: number;
  /** Students per university NAT and number of universities. */
  studentsPerUniversity: number;
  universities: number;
  pipelineOrgs: number;
  accountsPerPipelineOrg: number;
  benchmarkLabs: number;
  accountsPerLab: number;
  agentDeveloper: number;
  vpnUser: number;
  syntheticOrgs: number;
  accountsPerSyntheticOrg: number;
  /** Multiplies every benign account's volume (default 1). */
  volume?: number;
}

/** A full scenario. */
export interface Preset {
  name: string;
  start: string;
  days: number;
  /** Day (from start) on which the new model is released, or null. */
  releaseDay: number | null;
  benign: BenignSpec;
  campaigns: CampaignSpec[];
  /** Scale-independent presets keep their minimum group sizes (labs, orgs) when scaled down. */
}

const CN_OPERATOR = { homeCountry: 'CN', homeOffset: 8 } as const;

const small: Preset = {
  name: 'small',
  start: '2026-04-22T00:00:00.000Z',
  days: 7,
  releaseDay: 3,
  benign: {
    casual: 300,
    developer: 90,
    studentsPerUniversity: 110,
    universities: 2,
    pipelineOrgs: 2,
    accountsPerPipelineOrg: 10,
    benchmarkLabs: 3,
    accountsPerLab: 2,
    agentDeveloper: 40,
    vpnUser: 50,
    syntheticOrgs: 1,
    accountsPerSyntheticOrg: 4,
    volume: 0.6,
  },
  campaigns: [
    {
      id: 'c1',
      operator: 'operator-a',
      accounts: 40,
      exchanges: 12_000,
      startDay: 1,
      endDay: 6.5,
      targets: ['reasoning', 'coding'],
      templates: 4,
      ...CN_OPERATOR,
      declared: [
        ['US', 0.6],
        ['SG', 0.4],
      ],
      languages: [
        ['en', 0.85],
        ['zh', 0.15],
      ],
      cells: [
        {
          tactic: 'blatant',
          share: 1,
          hosting: ['alibaba', 'aws'],
          sharedIps: 8,
          accountsPerCard: 10,
          rateLimited: 0.08,
        },
      ],
      prompts: { cot: 0.7, rubric: 0.15, instructionGen: 0.03, censorship: 0, paraphrase: 0.2, sweep: 0.5 },
      routes: [['self-serve', 1]],
      modelPivot: 0,
      leak: 0.03,
      sync: 0.7,
      identityCare: 0.1,
    },
    {
      id: 'c2',
      operator: 'operator-b',
      accounts: 80,
      exchanges: 9_000,
      startDay: 0,
      endDay: 7,
      targets: ['agentic', 'longHorizon'],
      templates: 5,
      ...CN_OPERATOR,
      declared: [
        ['US', 0.5],
        ['GB', 0.2],
        ['JP', 0.15],
        ['DE', 0.15],
      ],
      languages: [
        ['en', 0.6],
        ['zh', 0.1],
        ['ja', 0.08],
        ['ko', 0.06],
        ['de', 0.06],
        ['es', 0.05],
        ['fr', 0.05],
      ],
      cells: [
        { tactic: 'low-and-slow', share: 0.5, perDay: 16 },
        { tactic: 'residential-proxy', share: 0.5, rotate: 'session' },
      ],
      prompts: { cot: 0.3, rubric: 0.02, instructionGen: 0.12, censorship: 0, paraphrase: 0.7, sweep: 0.05 },
      routes: [
        ['self-serve', 0.5],
        ['education', 0.25],
        ['startup', 0.25],
      ],
      modelPivot: 0,
      aging: { minDays: 14, maxDays: 40, warmupPerDay: 1 },
      leak: 0.005,
      sync: 0.25,
      identityCare: 0.85,
    },
    {
      id: 'c3',
      operator: 'operator-c',
      accounts: 60,
      exchanges: 12_000,
      startDay: 0.5,
      endDay: 7,
      targets: ['toolUse', 'swe', 'computerUse'],
      templates: 5,
      ...CN_OPERATOR,
      declared: [
        ['US', 0.4],
        ['SG', 0.3],
        ['HK', 0.3],
      ],
      languages: [
        ['en', 0.8],
        ['zh', 0.2],
      ],
      cells: [
        { tactic: 'hydra', share: 0.6, lifetimeDays: 1.5, banRate: 0.7, network: 'hosting' },
        { tactic: 'camouflaged', share: 0.4, customerShare: 0.45 },
      ],
      prompts: { cot: 0.35, rubric: 0.05, instructionGen: 0.05, censorship: 0, paraphrase: 0.4, sweep: 0.1 },
      routes: [
        ['self-serve', 0.7],
        ['reseller', 0.3],
      ],
      modelPivot: 0.5,
      leak: 0.01,
      sync: 0.5,
      identityCare: 0.5,
    },
  ],
};

const FULL_BENIGN: BenignSpec = {
  casual: 130_000,
  developer: 20_000,
  studentsPerUniversity: 375,
  universities: 40,
  pipelineOrgs: 40,
  accountsPerPipelineOrg: 20,
  benchmarkLabs: 12,
  accountsPerLab: 4,
  agentDeveloper: 4_000,
  vpnUser: 6_000,
  syntheticOrgs: 2,
  accountsPerSyntheticOrg: 25,
};

const alibaba: Preset = {
  name: 'alibaba-2026',
  start: '2026-04-22T00:00:00.000Z',
  days: 45,
  releaseDay: 21,
  benign: FULL_BENIGN,
  campaigns: [
    {
      id: 'alibaba-2026',
      operator: 'operator-apr-2026',
      accounts: 25_000,
      exchanges: 28_800_000,
      startDay: 0,
      endDay: 44,
      targets: ['agentic', 'swe', 'longHorizon', 'toolUse'],
      templates: 8,
      ...CN_OPERATOR,
      declared: [
        ['US', 0.45],
        ['SG', 0.2],
        ['JP', 0.1],
        ['GB', 0.1],
        ['CA', 0.08],
        ['AU', 0.07],
      ],
      languages: [
        ['en', 0.8],
        ['zh', 0.12],
        ['ja', 0.02],
        ['ko', 0.02],
        ['ru', 0.01],
        ['es', 0.01],
        ['fr', 0.01],
        ['de', 0.01],
      ],
      cells: [
        { tactic: 'hydra', share: 0.3, lifetimeDays: 9, banRate: 0.6, network: 'residential' },
        { tactic: 'residential-proxy', share: 0.25, rotate: 'request' },
        { tactic: 'low-and-slow', share: 0.2, perDay: 22 },
        {
          tactic: 'blatant',
          share: 0.1,
          hosting: ['alibaba', 'tencent', 'aws'],
          sharedIps: 40,
          accountsPerCard: 25,
          rateWeight: 1.8,
          rateLimited: 0.05,
        },
        { tactic: 'camouflaged', share: 0.15, customerShare: 0.35 },
      ],
      prompts: { cot: 0.4, rubric: 0.06, instructionGen: 0.08, censorship: 0, paraphrase: 0.5, sweep: 0.15 },
      routes: [
        ['self-serve', 0.6],
        ['startup', 0.2],
        ['education', 0.1],
        ['reseller', 0.1],
      ],
      modelPivot: 0.5,
      aging: { minDays: 5, maxDays: 30, warmupPerDay: 0.5 },
      leak: 0.01,
      sync: 0.45,
      identityCare: 0.6,
    },
  ],
};

const feb: Preset = {
  name: 'feb-2026',
  start: '2025-12-10T00:00:00.000Z',
  days: 60,
  releaseDay: 40,
  benign: {
    ...FULL_BENIGN,
    casual: 60_000,
    developer: 9_000,
    universities: 24,
    pipelineOrgs: 20,
    agentDeveloper: 2_000,
    vpnUser: 3_000,
  },
  campaigns: [
    {
      id: 'feb-reasoning',
      operator: 'operator-feb-1',
      accounts: 800,
      exchanges: 150_000,
      startDay: 3,
      endDay: 52,
      targets: ['reasoning'],
      templates: 3,
      ...CN_OPERATOR,
      declared: [
        ['US', 0.5],
        ['SG', 0.3],
        ['HK', 0.2],
      ],
      languages: [
        ['en', 0.6],
        ['zh', 0.4],
      ],
      cells: [
        {
          tactic: 'blatant',
          share: 0.4,
          hosting: ['alibaba', 'aws', 'gcp'],
          sharedIps: 12,
          accountsPerCard: 20,
          rateLimited: 0.03,
        },
        { tactic: 'low-and-slow', share: 0.6, perDay: 4 },
      ],
      prompts: {
        cot: 0.65,
        rubric: 0.2,
        instructionGen: 0.02,
        censorship: 0.12,
        paraphrase: 0.3,
        sweep: 0.25,
      },
      routes: [['self-serve', 1]],
      modelPivot: 0,
      leak: 0.02,
      sync: 0.85,
      identityCare: 0.2,
    },
    {
      id: 'feb-agentic',
      operator: 'operator-feb-2',
      accounts: 6_200,
      exchanges: 3_400_000,
      startDay: 0,
      endDay: 60,
      targets: ['agentic', 'toolUse', 'coding', 'computerUse'],
      templates: 8,
      ...CN_OPERATOR,
      declared: [
        ['US', 0.5],
        ['GB', 0.15],
        ['SG', 0.15],
        ['CA', 0.1],
        ['AU', 0.1],
      ],
      languages: [
        ['en', 0.85],
        ['zh', 0.1],
        ['ja', 0.05],
      ],
      cells: [
        { tactic: 'residential-proxy', share: 0.5, rotate: 'request' },
        { tactic: 'hydra', share: 0.3, lifetimeDays: 12, banRate: 0.5, network: 'residential' },
        { tactic: 'camouflaged', share: 0.2, customerShare: 0.3 },
      ],
      prompts: { cot: 0.3, rubric: 0.03, instructionGen: 0.06, censorship: 0, paraphrase: 0.6, sweep: 0.08 },
      routes: [
        ['self-serve', 0.7],
        ['startup', 0.3],
      ],
      modelPivot: 0,
      aging: { minDays: 3, maxDays: 21, warmupPerDay: 0.3 },
      leak: 0.005,
      sync: 0.35,
      identityCare: 0.75,
    },
    {
      id: 'feb-coding',
      operator: 'operator-feb-3',
      accounts: 17_000,
      exchanges: 13_000_000,
      startDay: 10,
      endDay: 60,
      targets: ['swe', 'toolUse', 'agentic'],
      templates: 6,
      ...CN_OPERATOR,
      declared: [
        ['US', 0.55],
        ['SG', 0.2],
        ['JP', 0.1],
        ['GB', 0.15],
      ],
      languages: [
        ['en', 0.9],
        ['zh', 0.1],
      ],
      cells: [
        { tactic: 'hydra', share: 0.4, lifetimeDays: 6, banRate: 0.65, network: 'hosting' },
        { tactic: 'residential-proxy', share: 0.3, rotate: 'session' },
        {
          tactic: 'blatant',
          share: 0.1,
          hosting: ['tencent', 'alibaba', 'vultr'],
          sharedIps: 30,
          accountsPerCard: 15,
          rateWeight: 1.5,
          rateLimited: 0.06,
        },
        { tactic: 'camouflaged', share: 0.2, customerShare: 0.3 },
      ],
      prompts: { cot: 0.25, rubric: 0.04, instructionGen: 0.05, censorship: 0, paraphrase: 0.45, sweep: 0.1 },
      routes: [
        ['self-serve', 0.6],
        ['education', 0.2],
        ['reseller', 0.2],
      ],
      modelPivot: 0.5,
      aging: { minDays: 2, maxDays: 14, warmupPerDay: 0.5 },
      leak: 0.01,
      sync: 0.5,
      identityCare: 0.5,
    },
  ],
};

/** Every preset by name. */
export const PRESETS: Record<string, Preset> = { small, 'alibaba-2026': alibaba, 'feb-2026': feb };
