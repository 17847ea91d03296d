/**
 * Attribution: a campaign is linked to an earlier confirmed one when they share accounts or
 * infrastructure (payment instruments, devices, IP prefixes), with the prompt templates and TLS
 * fingerprints they also share as support — "same operator as C-12, via 31 shared IP prefixes
 * and 4 shared templates". Read from the account graph's postings (docs/detection.md, "Attribution").
 *
 * A value counts only when it is theirs: at least `EXCLUSIVE_SHARE` of its holders are on the two
 * campaigns' sides. Unrelated operators share commodity values (a residential proxy pool's ISP
 * prefixes, a popular SDK's TLS fingerprint) and so do benign users. Prompts are weaker still:
 * operators draw on the same phrasebooks (chain-of-thought wrappers, instruction-generation asks,
 * public task sets); on `small` seed 7 three operators' campaigns shared templates that hardly
 * anyone else sent, used by a quarter to half of each campaign's accounts. So templates and TLS
 * fingerprints never attribute alone (`INFRASTRUCTURE_MIN_POINTS` must come from accounts,
 * instruments or prefixes). A habit (prefix, template, TLS fingerprint) needs two holders on each
 * side (one account on a side is a coincidence), and the shared ones must carry `SHARE_OF_USE` of
 * the campaign's holdings of that kind: on `feb-2026 --scale 0.02` seed 2 one operator's proxied
 * cells passed through five ISP /24s another operator's proxies also used, a sliver of either's
 * traffic. An instrument (payment fingerprint, device) is an identity: one exclusive shared card
 * is evidence. Strongest are the accounts themselves: a campaign re-clustered out of an earlier
 * one is made of accounts carrying the earlier one's flag.
 */

/** The kinds of value attribution reads. */
export type AttributionKind = 'payments' | 'devices' | 'prefixes' | 'templates' | 'ja4s';

/** One value the candidate campaign's accounts hold, and who else holds it. */
export interface HeldValue {
  kind: AttributionKind;
  /** Accounts holding it, in all. */
  holders: number;
  /** Holders among the candidate's accounts. */
  mine: number;
  /** Other holders on each campaign's side (carrying its flag, or its members), by campaign id. */
  theirs: ReadonlyMap<string, number>;
}

/** A campaign's attribution: the earlier campaign and the sentence saying why. */
export interface Attribution {
  campaign: string;
  summary: string;
  points: number;
}

/** How a kind of value counts: points per shared value, and the words for it. */
interface KindRule {
  points: number;
  /** Holders needed on each side. */
  least: number;
  /** Whether it may carry an attribution (templates and TLS fingerprints only support one). */
  infrastructure: boolean;
  /** Whether the shared values must carry `SHARE_OF_USE` of the candidate's holdings of the kind. */
  shareOfUse: boolean;
  one: string;
  many: string;
}

const rule = (
  points: number,
  least: number,
  infrastructure: boolean,
  shareOfUse: boolean,
  one: string,
  many: string,
) => ({ points, least, infrastructure, shareOfUse, one, many }) satisfies KindRule;

const KINDS: Record<AttributionKind, KindRule> = {
  payments: rule(4, 1, true, false, 'payment instrument', 'payment instruments'),
  devices: rule(4, 1, true, false, 'device', 'devices'),
  prefixes: rule(1, 2, true, true, 'IP prefix', 'IP prefixes'),
  templates: rule(2, 2, false, true, 'template', 'templates'),
  ja4s: rule(0.5, 2, false, true, 'TLS fingerprint', 'TLS fingerprints'),
};
/** Order of the kinds in the summary. */
const ORDER: AttributionKind[] = ['payments', 'devices', 'prefixes', 'templates', 'ja4s'];

/**
 * Points per member carrying the earlier campaign's flag, when at least `CARRIED_LEAST` and half
 * of the members do: a campaign re-clustered out of another is mostly made of its accounts, while
 * a few flagged accounts can move to another operator's cluster (two of sixteen on `feb-2026
 * --scale 0.02` seed 2).
 */
const CARRIED_POINTS = 4;
const CARRIED_LEAST = 2;
const CARRIED_SHARE = 0.5;
/** Points needed to attribute. */
export const ATTRIBUTION_MIN_POINTS = 6;
/** Of them, points from accounts, instruments and prefixes: one instrument, or two prefixes. */
export const INFRASTRUCTURE_MIN_POINTS = 2;
/** Share of a value's holders the two campaigns must hold for it to be theirs. */
export const EXCLUSIVE_SHARE = 0.8;
/** Share of the candidate's holdings of a habit kind the shared values must carry. */
export const SHARE_OF_USE = 0.1;

/**
 * The earlier campaign (of `earlier`, oldest first) with the most points of shared accounts and
 * values that are the two campaigns' own, with the sentence saying why; null when none reaches
 * the minimum. `values` are all the values of the attribution kinds the candidate's accounts
 * hold; `carried` counts its `members` carrying each earlier campaign's flag.
 */
export function attribute(
  values: readonly HeldValue[],
  earlier: readonly string[],
  carried: ReadonlyMap<string, number> = new Map(),
  members = 0,
): Attribution | null {
  const holdings = new Map<AttributionKind, number>();
  for (const v of values) holdings.set(v.kind, (holdings.get(v.kind) ?? 0) + v.mine);
  let best: Attribution | null = null;
  for (const id of earlier) {
    const shared = new Map<AttributionKind, { values: number; holdings: number }>();
    for (const v of values) {
      const theirs = v.theirs.get(id) ?? 0;
      const { least } = KINDS[v.kind];
      if (v.mine < least || theirs < least || v.mine + theirs < EXCLUSIVE_SHARE * v.holders) continue;
      const s = shared.get(v.kind) ?? { values: 0, holdings: 0 };
      s.values++;
      s.holdings += v.mine;
      shared.set(v.kind, s);
    }
    const moved = carried.get(id) ?? 0;
    const cameFrom = moved >= CARRIED_LEAST && moved >= CARRIED_SHARE * members;
    let points = cameFrom ? moved * CARRIED_POINTS : 0;
    let infrastructure = points;
    const parts = cameFrom ? [`${moved} of its ${members} accounts first flagged with it`] : [];
    for (const kind of ORDER) {
      const s = shared.get(kind);
      const k = KINDS[kind];
      if (!s || (k.shareOfUse && s.holdings < SHARE_OF_USE * (holdings.get(kind) ?? 0))) continue;
      points += s.values * k.points;
      if (k.infrastructure) infrastructure += s.values * k.points;
      parts.push(`${s.values} shared ${s.values === 1 ? k.one : k.many}`);
    }
    if (points < ATTRIBUTION_MIN_POINTS || infrastructure < INFRASTRUCTURE_MIN_POINTS) continue;
    if (best && best.points >= points) continue;
    const via =
      parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0];
    best = { campaign: id, summary: `same operator as ${id}, via ${via}`, points };
  }
  return best;
}
