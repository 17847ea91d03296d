/**
 * The kinds of shared value that link two accounts, and the reviewed priors each is weighted by.
 *
 * Weighting is Fellegi-Sunter with frequency-based u-probabilities: two accounts that agree on
 * value v of kind k get the agreement weight log2(m_k / u_v), where m_k is the probability that
 * two accounts run by the same operator agree on kind k (a prior, below) and u_v = df_v / N is the
 * chance that an unrelated account holds v (df_v accounts hold it out of N). A value held by a
 * university NAT, a public webmail domain, a big cloud ASN or a popular template has a large df
 * and weighs little; a payment fingerprint held by three accounts weighs a lot. Weights are
 * clipped to [0, cap_k] so no single kind proves more than it can, and values of kinds that are
 * shared by design (education NATs, privacy relays, mobile CGNAT) lose `sharedByDesignBits`.
 */

/** A kind of linking value. */
export type LinkKind =
  | 'payment'
  | 'card'
  | 'device'
  | 'ja4'
  | 'signup-ip'
  | 'signup-prefix'
  | 'asn'
  | 'email-domain'
  | 'email-shape'
  | 'user-agent'
  | 'sdk'
  | 'org'
  | 'ip'
  | 'prefix'
  | 'template'
  | 'band'
  | 'template-set'
  | 'signup-burst'
  | 'model-pivot';

/** The reviewed prior of one kind. */
export interface KindSpec {
  kind: LinkKind;
  /** One-letter code used inside index keys (keeps the index compact). */
  code: string;
  /** Words for evidence: "share a payment fingerprint". */
  label: string;
  /** P(agree | same operator): the Fellegi-Sunter m-probability. */
  m: number;
  /** Most bits one kind may contribute to a pair, however rare the values. */
  cap: number;
  /** Values of a multi-valued kind kept per account (its most used ones). */
  top: number;
}

/** The kinds, in evidence order. `top` bounds each account's keys (about 60 at most). */
export const KINDS: readonly KindSpec[] = [
  { kind: 'payment', code: 'p', label: 'payment fingerprint', m: 0.3, cap: 14, top: 1 },
  { kind: 'device', code: 'd', label: 'device id', m: 0.3, cap: 14, top: 1 },
  { kind: 'card', code: 'c', label: 'card BIN and country', m: 0.5, cap: 6, top: 1 },
  { kind: 'signup-ip', code: 's', label: 'sign-up IP', m: 0.2, cap: 10, top: 1 },
  { kind: 'signup-prefix', code: 'S', label: 'sign-up IP prefix', m: 0.4, cap: 6, top: 1 },
  { kind: 'ip', code: 'i', label: 'IP address', m: 0.4, cap: 10, top: 6 },
  { kind: 'prefix', code: 'x', label: 'IP prefix', m: 0.6, cap: 8, top: 6 },
  { kind: 'asn', code: 'a', label: 'ASN', m: 0.7, cap: 5, top: 3 },
  { kind: 'ja4', code: 'j', label: 'TLS fingerprint (JA4)', m: 0.8, cap: 6, top: 3 },
  { kind: 'user-agent', code: 'u', label: 'user agent', m: 0.7, cap: 4, top: 3 },
  { kind: 'sdk', code: 'k', label: 'SDK header set', m: 0.7, cap: 4, top: 3 },
  { kind: 'email-domain', code: 'e', label: 'email domain', m: 0.6, cap: 8, top: 1 },
  { kind: 'email-shape', code: 'l', label: 'email local-part shape', m: 0.4, cap: 3, top: 1 },
  { kind: 'org', code: 'o', label: 'organisation', m: 0.3, cap: 10, top: 1 },
  { kind: 'template', code: 't', label: 'prompt template', m: 0.8, cap: 14, top: 10 },
  { kind: 'band', code: 'b', label: 'near-duplicate prompt bucket (LSH band)', m: 0.8, cap: 8, top: 16 },
  {
    kind: 'template-set',
    code: 'g',
    label: 'template set (templates one group of accounts sends together)',
    m: 0.8,
    cap: 8,
    top: 1,
  },
  { kind: 'signup-burst', code: 'h', label: 'sign-up hour', m: 0.5, cap: 4, top: 1 },
  {
    kind: 'model-pivot',
    code: 'v',
    label: 'model pivot (first use of a model in the same 6 hours)',
    m: 0.6,
    cap: 4,
    top: 2,
  },
];

/** Kind spec by kind. */
export const KIND: Record<LinkKind, KindSpec> = Object.fromEntries(KINDS.map((k) => [k.kind, k])) as Record<
  LinkKind,
  KindSpec
>;

/** Kind spec by one-letter code. */
export const KIND_BY_CODE: Record<string, KindSpec> = Object.fromEntries(KINDS.map((k) => [k.code, k]));

/** Kinds whose agreement needs another agreeing kind to count (timing alone proves nothing). */
export const AMPLIFIER_KINDS: ReadonlySet<LinkKind> = new Set(['signup-burst', 'model-pivot']);

/**
 * Kinds that can anchor a link: values an operator's accounts share because one operator runs
 * them (instruments, devices, addresses, organisation, prompt programme and template sets). The
 * other kinds (card BIN, ASN, TLS fingerprint, user agent, SDK, email domain and shape, timing)
 * are demographic: customers of one bank, ISP, browser or webmail agree on them by the thousand,
 * so they only strengthen a link that an anchor already supports.
 */
export const ANCHOR_KINDS: ReadonlySet<LinkKind> = new Set([
  'payment',
  'device',
  'signup-ip',
  'signup-prefix',
  'ip',
  'prefix',
  'org',
  'template',
  'band',
  'template-set',
]);

/** Kinds that are network addresses (discounted when the network is shared by design). */
export const ADDRESS_KINDS: ReadonlySet<LinkKind> = new Set(['ip', 'prefix', 'signup-ip', 'signup-prefix']);
