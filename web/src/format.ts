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

/** Mebibytes as "1.2 GiB" (or "640 MiB" under one GiB). */
export function formatGiB(mib: number): string {
  return mib < 1024 ? `${formatInt(mib)} MiB` : `${(mib / 1024).toFixed(1)} GiB`;
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
    pattern: /\bips?\b|prefix|\basn|subnet|network|net-?class|proxy|hosting|vpn|\btor\b/,
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

const SPELLINGS: Record<string, string> = {
  ip: 'IP',
  ips: 'IPs',
  asn: 'ASN',
  ja4: 'JA4',
  sdk: 'SDK',
  lsh: 'LSH',
  cot: 'CoT',
  utc: 'UTC',
  vpn: 'VPN',
  isp: 'ISP',
  tor: 'Tor',
  bin: 'BIN',
  id: 'id',
};

/** "shared-payment" -> "Shared payment"; known acronyms in capitals ("IP country"). */
export function humanizeKind(kind: string): string {
  const words = kind
    .replace(/[-_.]+/g, ' ')
    .trim()
    .split(/\s+/)
    .map((w) => SPELLINGS[w.toLowerCase()] ?? w);
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * What each known evidence kind means, in words a reviewer can check without the tool: link kinds
 * (src/link, as `shared-<kind>`), campaign detectors (src/detectors ids), residency evidence
 * (src/residency) and lifecycle entries.
 */
const EXPLANATIONS: Record<string, string> = {
  // Links between two accounts.
  payment: 'They pay with the same payment fingerprint. Independent customers almost never share a card.',
  card: 'They use cards with the same BIN and country: cards from one batch or issuer programme.',
  device: 'They were used from the same device identifier.',
  ja4: 'They present the same TLS client fingerprint (JA4): the same client software build.',
  'signup-ip': 'They were created from the same IP address.',
  'signup-prefix': 'They were created from the same network prefix (/24 or /48).',
  ip: 'Their traffic comes from the same IP addresses, weighted by how few other accounts use them.',
  prefix:
    'Their traffic comes from the same IP prefixes (/24 or /48), weighted by how few other accounts use them.',
  asn: 'Their traffic comes from the same rare network (ASN), one few unrelated accounts use.',
  'email-domain': 'Their emails share a domain that few other accounts use.',
  'email-shape': 'Their email local parts have the same shape (e.g. aaaa9999): generated in bulk.',
  'user-agent': 'They send the same user agent string.',
  sdk: 'They send the same set of SDK headers: the same client code.',
  org: 'They belong to the same declared organisation.',
  template: 'They send the same prompt templates: one script, many keys. Popular templates weigh little.',
  band: 'They send near-duplicate prompts (same MinHash/LSH bucket), even when reworded.',
  'template-set':
    'They send templates of one set that the same group of accounts sends together, as one script split over many keys does; a set of thousands of accounts weighs little.',
  'signup-burst': 'They were created within the same hour; this counts only alongside other shared traits.',
  'model-pivot':
    'They started using the same new model within hours of each other; counts only alongside other traits.',
  // Campaign detectors.
  'capability-focus':
    'Traffic concentrates on the capabilities worth copying (agentic, tool use, coding, long-horizon, reasoning).',
  churn: 'Accounts are abandoned and replaced by fresh ones that carry on the same work (a hydra).',
  'cluster-scale':
    'Many accounts are linked together; the score grows with the size of the group (log scale).',
  'education-network':
    'Much of the traffic comes from education networks, where many unrelated users share addresses.',
  'extraction-share':
    'Many prompts carry extraction tags: chain-of-thought elicitation, rubric grading, instruction generation.',
  'harvesting-params':
    'Requests ask for several samples (n > 1) or logprobs, or sweep seeds and temperatures: harvesting output distributions.',
  'human-rhythm': 'How deep the nightly trough of the traffic is: people sleep, scripts do not.',
  'organisation-cohesion':
    'Accounts openly belong to one organisation with consistent residency: the mark of a legitimate team.',
  'proxy-share':
    'Much of the traffic comes through hosting, VPN, Tor or relay networks that hide where the client is.',
  'residency-inconsistency': 'Many accounts declare a country their traffic, clock and language do not fit.',
  'synchronised-activity': 'Accounts are busy and quiet on the same days: run by one scheduler.',
  'template-concentration':
    'A large share of the traffic falls in templates or near-duplicate buckets common to the accounts.',
  'template-exclusivity':
    'The shared templates are used almost only inside this group, not by the wider population.',
  'volume-uniformity': 'Exchanges are spread evenly across accounts, as when a script splits work over keys.',
  // Residency.
  'residency-ip-home': 'Direct traffic comes from the declared country.',
  'residency-ip-abroad': 'Direct traffic comes from another country than the declared one.',
  'residency-proxy': 'Traffic goes through hosting, VPN, Tor or relay exits that hide the real location.',
  'residency-clock': 'The daily rhythm fits a time zone far from the declared country.',
  'residency-clock-home': 'The daily rhythm fits a time zone of the declared country.',
  'residency-language': 'Prompts are mostly in a language not spoken in the declared country.',
  'residency-language-home': 'Prompts are mostly in a language of the declared country.',
  'residency-holidays': "Activity drops on another country's public holidays.",
  'residency-holidays-home': "Activity drops on the declared country's public holidays.",
  'residency-identity': 'A card, phone or sign-up country differs from the declared one.',
  'residency-identity-home': 'A card, phone or sign-up country matches the declared one.',
  'residency-lives-abroad':
    'Addresses and clock agree on another supported country: someone living or travelling abroad, not hiding.',
  'residency-restricted': 'The evidence points to a region where the service is not offered.',
  'residency-undeclared': 'No declared country to check against.',
  'residency-too-little-data': 'Too little activity to verify residency either way.',
  'residency-fallback': 'Residency judged from what little evidence there is.',
  // Lifecycle.
  review: 'An analyst reviewed this campaign.',
  merged: 'This campaign was merged into another as their accounts linked up.',
  reraised: 'A reviewer dismissed this campaign, and it has since grown enough to be judged again.',
  'accountable-customer':
    'One declared organisation billed to one payment instrument, with consistent residency: left to a reviewer.',
  'shared-instrument':
    'Accounts flagged beside the linked group: each pays with a card or uses a device that flagged members of this campaign use, and they are most of its users.',
  'shared-programme':
    'Accounts flagged because a large share of each one’s prompts follow templates that are sent mostly by this campaign’s accounts (flagged, or in its linked group): replacements that share no address or instrument, and members a link-by-link flag has not reached yet.',
};

/** Short titles of evidence kinds whose names read poorly on their own. */
const TITLES: Record<string, string> = {
  'residency-ip-home': 'Addresses in the declared country',
  'residency-ip-abroad': 'Addresses abroad',
  'residency-proxy': 'Traffic through proxies',
  'residency-clock': 'Daily rhythm: another time zone',
  'residency-clock-home': 'Daily rhythm: declared time zone',
  'residency-language': 'Prompt language: foreign',
  'residency-language-home': 'Prompt language: local',
  'residency-holidays': "Quiet on another country's holidays",
  'residency-holidays-home': "Quiet on the declared country's holidays",
  'residency-identity': 'Identity country differs',
  'residency-identity-home': 'Identity country matches',
  'residency-lives-abroad': 'Lives abroad, not hiding',
  'residency-restricted': 'Restricted region',
  'residency-undeclared': 'No declared country',
  'residency-too-little-data': 'Too little data',
  'residency-fallback': 'Residency (little evidence)',
};

/** The title of an evidence kind: a short phrase, or the kind in words. */
export function evidenceTitle(kind: string): string {
  return TITLES[kind.toLowerCase()] ?? humanizeKind(kind);
}

/** Fallbacks for kinds not in the table, by pattern. */
const EXPLANATION_PATTERNS: [RegExp, string][] = [
  [
    /residency|country|geo|time-?zone|holiday/,
    'Where the account says it is, checked against where its traffic comes from.',
  ],
  [/cot|chain/, 'Prompts ask the model to spell out its chain of thought: the traces are training data.'],
  [
    /rubric|grading/,
    'Prompts ask the model to grade answers against a rubric, a way to harvest reward signals.',
  ],
  [
    /instruction-?gen/,
    'Prompts ask the model to generate many diverse tasks, a way to harvest training prompts.',
  ],
  [/benign|verified|allow|enterprise/, 'A benign-looking trait that lowers the score.'],
  [/attribution/, 'Accounts or infrastructure are shared with an earlier confirmed campaign.'],
];

/** What an evidence kind means, in words; null when the kind is not a known one. */
export function explainEvidence(kind: string): string | null {
  const k = kind.toLowerCase();
  const exact = EXPLANATIONS[k] ?? EXPLANATIONS[k.replace(/^shared-/, '')];
  if (exact) return exact;
  return EXPLANATION_PATTERNS.find(([pattern]) => pattern.test(k))?.[1] ?? null;
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
