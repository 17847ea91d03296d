/**
 * The domain types of distillwatch, all in one module (DESIGN.md section 4).
 * This file imports nothing of the project: every other unit depends on it, never the reverse.
 */

/** Epoch milliseconds: the one time representation used inside the engine. */
export type EpochMs = number;

/** Capability tags a prompt may carry (several at once). */
export type CapabilityTag =
  | 'coding'
  | 'math'
  | 'tool-use'
  | 'agentic'
  | 'long-horizon'
  | 'reasoning'
  | 'chat'
  | 'writing'
  | 'translation'
  | 'knowledge';

/** Extraction tags: prompt shapes that harvest a model's behaviour rather than use it. */
export type ExtractionTag =
  | 'cot-elicitation'
  | 'rubric-grading'
  | 'instruction-generation'
  | 'censorship-rewrite';

/** One extraction tag with the text span that triggered it (evidence a reviewer can read). */
export interface ExtractionMatch {
  tag: ExtractionTag;
  span: string;
}

/** What an exchange's request looked like, independent of its text. */
export interface RequestShape {
  turns: number;
  tools: number;
  /** Context length bucket: 'xs' < 256 chars, 's' < 1k, 'm' < 4k, 'l' < 16k, 'xl' beyond. */
  contextBucket: 'xs' | 's' | 'm' | 'l' | 'xl';
  chars: number;
  hasSystem: boolean;
  n?: number;
  logprobs?: boolean | number;
  temperature?: number;
  topP?: number;
  seed?: number;
}

/**
 * The fingerprint of one prompt. Computed from `Exchange.prompt` (and `system`, `tools`), or
 * shipped precomputed by a gateway in privacy mode as `Exchange.fingerprint`.
 * Field names are a public contract (`distillwatch fingerprint` prints them).
 */
export interface Fingerprint {
  /** Stable template id (hex). */
  template: string;
  /** The template text with typed placeholders and `<*>` variable slots. */
  templateText: string;
  /** LSH band keys of the MinHash signature: prompts sharing a key are near-duplicates. */
  bands: string[];
  capabilities: CapabilityTag[];
  extraction: ExtractionMatch[];
  /** ISO 639-1 code, or 'und' when undetermined. */
  language: string;
  shape: RequestShape;
}

/** One API call (canonical record; NDJSON one object a line). */
export interface Exchange {
  /** Idempotency key. */
  id: string;
  /** Event time, epoch ms (the wire format also accepts RFC 3339). */
  ts: EpochMs;
  account: string;
  org?: string;
  apiKey?: string;
  model?: string;
  /** client.address */
  ip?: string;
  userAgent?: string;
  ja4?: string;
  /** Last user turn. */
  prompt?: string;
  /** Privacy mode: replaces `prompt`. */
  fingerprint?: Fingerprint;
  system?: string;
  /** User-side turns in the conversation so far, this one included. */
  turns?: number;
  /** Declared tool schemas. */
  tools?: unknown[];
  /** Client header values such as X-Stainless-*. */
  sdk?: Record<string, string>;
  maxTokens?: number;
  temperature?: number;
  topP?: number;
  seed?: number;
  n?: number;
  /** true/false, or the number of top logprobs asked for. */
  logprobs?: boolean | number;
  stream?: boolean;
  /** HTTP status; 429 = rate limited. */
  status?: number;
  inputTokens?: number;
  outputTokens?: number;
  reasoningTokens?: number;
  latencyMs?: number;
}

/** Kinds of account event the engine reads; other kinds are kept and ignored. */
export type AccountEventKind = 'signup' | 'profile' | 'payment' | 'verification' | 'ban';

/** A change to an account's identity: sign-up, profile, payment, verification, ban. */
export interface AccountEvent {
  ts: EpochMs;
  account: string;
  kind: AccountEventKind | (string & {});
  org?: string;
  emailDomain?: string;
  /** Local part with letters mapped to a/A and digits to 9, or a keyed hash. */
  emailLocalShape?: string;
  paymentFingerprint?: string;
  cardBin?: string;
  cardCountry?: string;
  phoneCountry?: string;
  declaredCountry?: string;
  signupIp?: string;
  deviceId?: string;
  ja4?: string;
  /** How the account came in: self-serve, education, startup, research programme, reseller. */
  route?: string;
}

/** Network class of an address. Names are a public contract (`distillwatch enrich`). */
export type NetClass = 'hosting' | 'vpn' | 'tor' | 'relay' | 'mobile' | 'isp' | 'education' | 'unknown';

/** What enrichment learns of one IP address. */
export interface NetInfo {
  /** ISO 3166-1 alpha-2, or null when unknown. */
  country: string | null;
  asn: number | null;
  asOrg: string | null;
  class: NetClass;
  /** Linking key: IPv4 /24 or IPv6 /48 (configurable). */
  prefix: string | null;
}

/** One piece of evidence: a fact a reviewer can check without the tool, and its weight. */
export interface Evidence {
  /** Machine-readable kind, e.g. 'shared-payment', 'template-concentration', 'residency'. */
  kind: string;
  /** Contribution to the score it supports (signed; positive = more suspicious). */
  weight: number;
  /** One sentence in words. */
  summary: string;
  /** The facts behind it (counts, values, account ids). */
  facts?: Record<string, unknown>;
}

/** A finding of one detector about one account or cluster: data, never an exception. */
export interface Signal {
  detector: string;
  subject: string;
  score: number;
  evidence: Evidence[];
}

export type ResidencyVerdictKind = 'consistent' | 'inconsistent' | 'unknown';

/** Per-account residency verdict with its evidence. */
export interface ResidencyVerdict {
  account: string;
  declaredCountry: string | null;
  verdict: ResidencyVerdictKind;
  /** 0 (consistent) .. 1 (surely inconsistent). */
  score: number;
  inferredRegion: string | null;
  confidence: number;
  restricted: boolean;
  evidence: Evidence[];
}

export type CampaignStatus = 'suspected' | 'confirmed' | 'dismissed' | 'closed';

/** One campaign in the result contract (`OUTDIR/campaigns.json`). */
export interface CampaignResult {
  id: string;
  status: CampaignStatus;
  score: number;
  accounts: string[];
  exchanges: number;
  callsPerAccount: number;
  /** RFC 3339 event times. */
  firstSeen: string;
  lastSeen: string;
  detectedAt: string | null;
  /** Capability tag -> share of the campaign's exchanges. */
  capabilities: Record<string, number>;
  evidence: Evidence[];
  /** Earlier campaign this one is attributed to, when infrastructure or templates are shared. */
  attribution?: { campaign: string; summary: string } | null;
}

/** `OUTDIR/campaigns.json` */
export interface CampaignsFile {
  campaigns: CampaignResult[];
}

/** One line of `OUTDIR/verdicts.ndjson`. */
export interface AccountVerdict {
  account: string;
  risk: number;
  campaign: string | null;
  /** RFC 3339 event time at which the account was first flagged, or null. */
  flaggedAt: string | null;
}

/** Ground truth of one simulated account (`DIR/labels.json`). */
export interface AccountLabel {
  persona: string;
  isAttack: boolean;
  campaignId: string | null;
  tactic: string | null;
  /** RFC 3339: an attack account's first harvesting exchange (after any warm-up); absent if it never harvested. */
  harvestStart?: string;
}

/** Ground truth of one simulated campaign. */
export interface CampaignLabel {
  id: string;
  operator: string;
  tactics: string[];
  accounts: string[];
  /** RFC 3339: the first exchange of any member, warm-up small talk of aged accounts included. */
  start: string;
  end: string;
  exchanges: number;
  /** RFC 3339: the first harvesting exchange of any member (the operation at work); absent if none. */
  harvestStart?: string;
}

/** `DIR/labels.json`: kept apart from the logs a detector reads. */
export interface Labels {
  preset: string;
  seed: number;
  scale: number;
  days: number;
  start: string;
  end: string;
  accounts: Record<string, AccountLabel>;
  campaigns: CampaignLabel[];
}

/** A problem with one input record: where it is and why. Returned as data, never thrown. */
export interface InputIssue {
  file: string;
  line: number;
  /** Dotted path of the offending field, or null for the whole line. */
  field: string | null;
  reason: string;
}

/**
 * The compact per-account facts a residency verdict is computed from. Account state accumulates
 * it per event; `residencyVerdict` (src/residency) reads it. Counts are of exchanges.
 */
export interface ResidencyInput {
  account: string;
  declaredCountry: string | null;
  cardCountry: string | null;
  phoneCountry: string | null;
  signupCountry: string | null;
  /** Country code -> exchanges seen from addresses in that country. */
  ipCountries: Record<string, number>;
  /** The same, counting only direct addresses (not hosting, VPN, Tor or relay); optional. */
  directIpCountries?: Record<string, number>;
  /** Network class -> exchanges from addresses of that class. */
  netClasses: Partial<Record<NetClass, number>>;
  /** Exchanges per UTC hour of day (24 entries). */
  hourly: number[];
  /** Exchanges per UTC calendar day, 'YYYY-MM-DD' -> count (bounded to the recent window). */
  daily: Record<string, number>;
  /** ISO 639-1 language -> prompts in that language. */
  languages: Record<string, number>;
}

/** Top-K counts of one attribute's values, bounded in size (heavy hitters kept exactly). */
export type TopCounts = Record<string, number>;

/**
 * The compact per-account summary the per-event stages maintain and the global stages read
 * (DESIGN.md section 3): a few KB per account whatever its volume, plain JSON (it crosses worker
 * threads and is stored). Counts are of exchanges unless said otherwise.
 */
export interface AccountSummary {
  account: string;
  org: string | null;
  /** Identity facts from account events (latest value of each). */
  identity: {
    signupTs: EpochMs | null;
    emailDomain: string | null;
    emailLocalShape: string | null;
    paymentFingerprint: string | null;
    cardBin: string | null;
    cardCountry: string | null;
    phoneCountry: string | null;
    declaredCountry: string | null;
    signupIp: string | null;
    signupNet: NetInfo | null;
    deviceId: string | null;
    ja4: string | null;
    route: string | null;
    bannedAt: EpochMs | null;
  };
  firstSeen: EpochMs | null;
  lastSeen: EpochMs | null;
  exchanges: number;
  inputTokens: number;
  outputTokens: number;
  reasoningTokens: number;
  /** Responses with status 429, and any status >= 400. */
  rateLimited: number;
  errors: number;
  /** Exchanges per UTC hour of day (24). */
  hourly: number[];
  /** Exchanges per UTC day 'YYYY-MM-DD' (bounded to the most recent days). */
  daily: Record<string, number>;
  /** Inter-arrival gaps in seconds: count, mean and M2 (Welford), for the coefficient of variation. */
  gaps: { count: number; mean: number; m2: number };
  sampling: {
    /** Exchanges with n > 1, with logprobs, at temperature 0, with a seed. */
    multiN: number;
    logprobs: number;
    temperatureZero: number;
    seeded: number;
    /** Distinct temperatures and seeds seen (bounded lists). */
    temperatures: number[];
    seeds: number;
  };
  /** Model -> exchanges, and model -> first use (epoch ms). */
  models: TopCounts;
  modelFirstUse: Record<string, EpochMs>;
  capabilities: TopCounts;
  extraction: TopCounts;
  /** A few example spans per extraction tag, for evidence. */
  extractionExamples: Record<string, string[]>;
  templates: TopCounts;
  bands: TopCounts;
  languages: TopCounts;
  ips: TopCounts;
  prefixes: TopCounts;
  asns: TopCounts;
  ipCountries: TopCounts;
  /** Country code -> exchanges from direct addresses (not hosting, VPN, Tor or relay): where the user is. */
  directIpCountries?: TopCounts;
  netClasses: TopCounts;
  userAgents: TopCounts;
  /** Hash of the SDK header set (names and values) -> exchanges. */
  sdkSets: TopCounts;
  ja4s: TopCounts;
  /** Client kind from the user agent: browser, sdk, script, unknown. */
  clients: TopCounts;
  apiKeys: number;
}

/** What a request's User-Agent and SDK headers say about the client (src/enrich). */
export interface ClientInfo {
  kind: 'browser' | 'sdk' | 'script' | 'unknown';
  /** e.g. 'openai-python', 'anthropic-js', 'python-requests', 'curl', 'Chrome'. */
  name: string | null;
  version: string | null;
  os: string | null;
  /** e.g. 'CPython 3.11.4', 'node', 'go'. */
  runtime: string | null;
}

/** Class of an email domain (src/enrich). */
export type EmailDomainClass = 'disposable' | 'webmail' | 'academic' | 'corporate' | 'unknown';
