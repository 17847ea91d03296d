// Formatting and colour helpers shared by the pages: numbers, times, risk colours, and the
// plain-words explanation of evidence kinds and graph link kinds.

const intFormat = new Intl.NumberFormat('en-US');
const compactFormat = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** 12,345 */
export function formatInt(n: number): string {
  return intFormat.format(Math.round(n));
}

/** 12.3K for large numbers, exact below ten thousand. */
export function formatCompact(n: number): string {
  return Math.abs(n) < 10_000 ? formatInt(n) : compactFormat.format(n);
}

/** 0.423 -> "42%" (one decimal under 10%). */
export function formatShare(share: number): string {
  const pct = share * 100;
  return `${pct < 10 && pct > 0 ? pct.toFixed(1) : Math.round(pct)}%`;
}

/** Rate with one decimal under 100. */
export function formatRate(n: number): string {
  return n < 100 ? n.toFixed(1) : formatInt(n);
}

/** "2026-06-05 14:00 UTC" from an RFC 3339 time or epoch ms; "—" when absent. */
export function formatTime(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** "2026-06-05" */
export function formatDate(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? String(value) : d.toISOString().slice(0, 10);
}

/** Length of a time window in words: "45 days", "6 h", "12 min". */
export function formatDuration(fromIso: string, toIso: string): string {
  const ms = new Date(toIso).getTime() - new Date(fromIso).getTime();
  if (!Number.isFinite(ms) || ms < 0) return '—';
  const hours = ms / 3_600_000;
  if (hours >= 48) return `${Math.round(hours / 24)} days`;
  if (hours >= 1) return `${Math.round(hours)} h`;
  return `${Math.max(1, Math.round(ms / 60_000))} min`;
}

/** "3 min ago" style relative time from now. */
export function formatAgo(value: string | null): string {
  if (!value) return 'never';
  const s = (Date.now() - new Date(value).getTime()) / 1000;
  if (!Number.isFinite(s)) return value;
  if (s < 5) return 'just now';
  if (s < 90) return `${Math.round(s)} s ago`;
  if (s < 5400) return `${Math.round(s / 60)} min ago`;
  if (s < 172_800) return `${Math.round(s / 3600)} h ago`;
  return `${Math.round(s / 86_400)} days ago`;
}

/** A risk or score in [0, 1] as a colour from calm teal through amber to red. */
export function riskColor(risk: number): string {
  const r = Math.max(0, Math.min(1, Number.isFinite(risk) ? risk : 0));
  const stops: [number, [number, number, number]][] = [
    [0, [56, 161, 140]],
    [0.5, [232, 170, 48]],
    [0.75, [230, 110, 50]],
    [1, [200, 40, 50]],
  ];
  for (let i = 1; i < stops.length; i++) {
    const [p1, c1] = stops[i];
    const [p0, c0] = stops[i - 1];
    if (r <= p1) {
      const t = (r - p0) / (p1 - p0);
      const c = c0.map((v, k) => Math.round(v + (c1[k] - v) * t));
      return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
    }
  }
  return 'rgb(200, 40, 50)';
}

/** Words for a risk level. */
export function riskLabel(risk: number): string {
  if (risk >= 0.8) return 'high';
  if (risk >= 0.5) return 'elevated';
  if (risk >= 0.2) return 'low';
  return 'minimal';
}

/** A family of link/evidence kinds that shares one colour in the graph and its legend. */
export interface KindFamily {
  id: string;
  label: string;
  color: string;
  explain: string;
}

/** The link families, most specific first; a kind joins the first family whose pattern it matches. */
const FAMILIES: (KindFamily & { pattern: RegExp })[] = [
  {
    id: 'payment',
    label: 'Payment',
    color: '#d6336c',
    pattern: /payment|card|bin|billing/,
    explain: 'the accounts pay with the same payment instrument or card range',
  },
  {
    id: 'device',
    label: 'Device & client',
    color: '#7048e8',
    pattern: /device|ja4|tls|user-?agent|\bua\b|sdk|header|client/,
    explain: 'the accounts run on the same device, TLS fingerprint or client software',
  },
  {
    id: 'network',
    label: 'Network',
    color: '#1c7ed6',
    pattern: /ip|prefix|asn|subnet|net|proxy|hosting|vpn/,
    explain: 'the accounts connect from the same addresses, prefixes or a rare network',
  },
  {
    id: 'prompts',
    label: 'Prompts',
    color: '#e8590c',
    pattern: /template|band|lsh|minhash|prompt|near-?dup|fingerprint|extraction|capabilit/,
    explain: 'the accounts send the same prompt templates or near-duplicate prompts',
  },
  {
    id: 'timing',
    label: 'Timing',
    color: '#2b8a3e',
    pattern: /sync|burst|signup|sign-up|activity|pivot|hour|time|churn/,
    explain: 'the accounts were created together or act in lockstep',
  },
  {
    id: 'identity',
    label: 'Identity',
    color: '#0b7285',
    pattern: /email|domain|local|org|phone|name|identity/,
    explain: 'the accounts share sign-up identity details such as an email pattern or organisation',
  },
];

const OTHER_FAMILY: KindFamily = {
  id: 'other',
  label: 'Other',
  color: '#868e96',
  explain: 'the accounts share another attribute',
};

/** The family (colour, label, explanation) of a link or evidence kind. */
export function kindFamily(kind: string): KindFamily {
  const k = kind.toLowerCase();
  return FAMILIES.find((f) => f.pattern.test(k)) ?? OTHER_FAMILY;
}

/** All families in legend order. */
export const KIND_FAMILIES: KindFamily[] = [...FAMILIES, OTHER_FAMILY];

/** "shared-payment" -> "Shared payment". */
export function humanizeKind(kind: string): string {
  const text = kind.replace(/[-_.]+/g, ' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Explanations of well-known evidence kinds, in words a reviewer can check without the tool. */
const EVIDENCE_EXPLANATIONS: [RegExp, string][] = [
  [
    /shared-?payment|payment/,
    'Several accounts pay with the same payment fingerprint. Independent customers almost never share a card.',
  ],
  [/card/, 'Accounts share a card BIN and country: cards from the same batch or issuer programme.'],
  [/device/, 'Accounts were used from the same device identifier.'],
  [/ja4|tls/, 'Accounts present the same TLS client fingerprint (JA4), i.e. the same client software build.'],
  [/signup-?ip/, 'Accounts were created from the same IP address.'],
  [
    /prefix|subnet/,
    'Traffic comes from the same IP prefixes (/24 or /48), weighted by how few other accounts use them.',
  ],
  [/asn/, 'Traffic comes from a rare network (ASN) that few unrelated accounts use.'],
  [/email/, 'Accounts share an email domain or the same shape of email local part (e.g. aaaa9999).'],
  [/user-?agent|sdk/, 'Accounts send the same user agent or SDK header set.'],
  [/template/, 'The same prompt templates appear across many accounts: one script, many keys.'],
  [/band|lsh|near-?dup|minhash/, 'Near-duplicate prompts (MinHash/LSH) appear across accounts.'],
  [
    /cot|chain|reasoning-?trace/,
    'Prompts ask the model to spell out its chain of thought: the traces are training data.',
  ],
  [
    /rubric|grading/,
    'Prompts ask the model to grade answers against a rubric, a way to harvest reward signals.',
  ],
  [
    /instruction-?gen/,
    'Prompts ask the model to generate many diverse tasks, a way to harvest training prompts.',
  ],
  [/extraction/, 'A large share of prompts has shapes that harvest model behaviour rather than use it.'],
  [
    /capabilit|focus/,
    'Traffic concentrates on the capabilities worth copying (coding, agentic, tool use, reasoning).',
  ],
  [/residency|country|geo/, 'Declared countries disagree with where the traffic actually comes from.'],
  [/hosting|proxy|vpn|residential/, 'Much of the traffic comes through hosting, VPN or proxy networks.'],
  [/burst|signup/, 'Accounts were created in a burst, close together in time with similar attributes.'],
  [
    /sync|lockstep|correlat/,
    'Accounts are active in the same hours and change behaviour at the same moments.',
  ],
  [/pivot|model/, 'Accounts switch models at the same time.'],
  [
    /churn|replace|ban/,
    'Banned or abandoned accounts are replaced by fresh ones that carry on the same work.',
  ],
  [/regular|inter-?arrival|cadence/, 'Requests arrive at machine-regular intervals.'],
  [/rate|429/, 'Accounts ride their rate limits and retry on 429 answers.'],
  [
    /sampling|logprob|temperature|seed|multi-?n/,
    'Requests sweep sampling parameters (n, logprobs, temperature, seeds) to harvest output distributions.',
  ],
  [/volume|calls/, 'Exchanges per account are high and uniform across the group.'],
  [/benign|verified|allow/, 'A benign-looking trait that lowers the score.'],
  [/attribution/, 'Infrastructure or templates are shared with an earlier confirmed campaign.'],
];

/** What an evidence kind means, in words; null when the kind is not a known one. */
export function explainEvidence(kind: string): string | null {
  const k = kind.toLowerCase();
  return EVIDENCE_EXPLANATIONS.find(([pattern]) => pattern.test(k))?.[1] ?? null;
}

/** Colours of residency verdicts. */
export const RESIDENCY_COLORS: Record<string, string> = {
  consistent: '#38a18c',
  inconsistent: '#d9480f',
  unknown: '#adb5bd',
};

/** Colours of campaign statuses. */
export const STATUS_COLORS: Record<string, string> = {
  suspected: '#e8aa30',
  confirmed: '#c92a2a',
  dismissed: '#868e96',
  closed: '#495057',
};

/** Campaign statuses in lifecycle order. */
export const STATUSES = ['suspected', 'confirmed', 'dismissed', 'closed'] as const;

/** A country code in upper case, or a dash when unknown. */
export function countryLabel(code: string | null | undefined): string {
  return code ? code.toUpperCase() : '—';
}
