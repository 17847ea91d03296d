/**
 * The scorer: compares a result (campaigns + verdicts) with the simulator's ground truth.
 * Pure and deterministic; every definition is spelled out in docs/evaluation.md so each number
 * can be checked by hand. The exchange-level metric (share of campaign traffic served before the
 * sending account was flagged) needs the exchange log: `exposure.ts` tallies it in one streaming
 * pass and hands the counts in here.
 */
import { parseRfc3339 } from '../core/schema.js';
import { HOUR_MS, toRfc3339 } from '../core/time.js';
import type { AccountVerdict, CampaignResult, Labels } from '../core/types.js';

/** A campaign counts as detected when at least this share of its accounts is flagged. */
export const DETECTED_RECALL = 0.5;
/** Default benign false-positive budget for the ranking metric (`atBudget`). */
export const DEFAULT_FP_BUDGET = 0.01;
/** How many unknown account ids a score lists as examples. */
const UNKNOWN_SAMPLE = 10;

/** Account-level confusion counts and rates over the labelled accounts. */
export interface AccountMetrics {
  labeled: number;
  attack: number;
  benign: number;
  flagged: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  trueNegatives: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
  falsePositiveRate: number | null;
}

/** Recall reachable when accounts are ranked by risk and cut at a benign false-positive budget. */
export interface BudgetMetrics {
  falsePositiveBudget: number;
  /** Lowest risk still flagged at the cut, or null when nothing fits the budget. */
  riskThreshold: number | null;
  flagged: number;
  recall: number | null;
  falsePositiveRate: number | null;
}

/** One persona's accounts and how many of them were flagged. */
export interface PersonaScore {
  persona: string;
  accounts: number;
  benign: number;
  attack: number;
  flaggedBenign: number;
  flaggedAttack: number;
  /** flaggedBenign / benign, null when the persona has no benign accounts. */
  falsePositiveRate: number | null;
  /** flaggedAttack / attack, null when the persona has no attack accounts. */
  recall: number | null;
}

/** Recall over every campaign that used one tactic. */
export interface TacticScore {
  tactic: string;
  campaigns: number;
  campaignsDetected: number;
  accounts: number;
  flagged: number;
  recall: number | null;
}

/** Recall over the attack accounts carrying one account-level tactic label. */
export interface AccountTacticScore {
  /** The account label's `tactic`, or '(none)'. */
  tactic: string;
  accounts: number;
  flagged: number;
  recall: number | null;
}

/** Exchange counts of one campaign's accounts, split at each account's flag time. */
export interface CampaignExposure {
  /** Exchanges sent by the campaign's accounts, as found in the log. */
  exchanges: number;
  /** Of those, exchanges at or before their account's flaggedAt (all of them when never flagged). */
  servedBeforeFlag: number;
  share: number | null;
}

/** One true campaign as the result saw it. */
export interface CampaignScore {
  id: string;
  operator: string;
  tactics: string[];
  start: string;
  end: string;
  /** Exchanges according to the labels. */
  labeledExchanges: number;
  accounts: number;
  flagged: number;
  recall: number | null;
  detected: boolean;
  firstFlagAt: string | null;
  hoursToFirstFlag: number | null;
  /** When the flagged share of its accounts first reached DETECTED_RECALL. */
  detectedAt: string | null;
  hoursToDetect: number | null;
  /** The first harvesting exchange of any member (labels of older simulators lack it: null). */
  harvestStart: string | null;
  /**
   * When the operation at work was caught: the first moment at which at least half of the members
   * that had begun harvesting (or were flagged) by then were flagged, and at least min(3, half of all);
   * null unless the campaign is detected (half of all its members flagged in the end).
   */
  harvestDetectedAt: string | null;
  hoursFromHarvestToDetect: number | null;
  /** Null when no exchange log was given. */
  exposure: CampaignExposure | null;
}

/** Campaign-level detection summary. */
export interface DetectionSummary {
  campaigns: number;
  detected: number;
  /** Medians over all campaigns, a campaign never flagged (never detected) counting as infinitely late. */
  medianHoursToFirstFlag: number | null;
  medianHoursToDetect: number | null;
  /** Median of `hoursFromHarvestToDetect`, never-caught campaigns counting as infinitely late. */
  medianHoursFromHarvestToDetect: number | null;
}

/** Exchange-level outcome over the whole log (needs `--exchanges`). */
export interface ExposureSummary {
  exchangesFile: string;
  lines: number;
  rejected: number;
  attackExchanges: number;
  servedBeforeFlag: number;
  servedBeforeFlagShare: number | null;
  benignExchanges: number;
  /** Benign exchanges after their account's flaggedAt: traffic an enforcing gateway would have refused. */
  benignAfterFlag: number;
  benignAfterFlagShare: number | null;
  /** Exchanges of accounts the labels do not know. */
  unknownExchanges: number;
}

/** How pure one result campaign is with respect to the true campaigns. */
export interface ResultCampaignPurity {
  id: string;
  accounts: number;
  dominantCampaign: string | null;
  dominantAccounts: number;
  benign: number;
  unknown: number;
  /** dominantAccounts / accounts, null for an empty campaign. */
  purity: number | null;
}

/** Purity of the result's campaigns. */
export interface PuritySummary {
  campaigns: number;
  /** Campaigns with at least one account (the others have no purity). */
  scored: number;
  /** Sum of dominantAccounts over sum of accounts (account-weighted). */
  weighted: number | null;
  /** Plain mean of the per-campaign purities. */
  mean: number | null;
  byCampaign: ResultCampaignPurity[];
}

/**
 * How the result's attributions ("same operator as C-12") agree with the true operators. A result
 * campaign stands for the operator of its dominant true campaign when that campaign holds at
 * least half of its accounts; otherwise (mostly benign or mixed) it stands for none.
 */
export interface AttributionScore {
  /** Detected result campaigns (any status) with an attribution. */
  attributed: number;
  /** Of them: to a campaign of the same operator, of another one, or with an end standing for none. */
  sameOperator: number;
  acrossOperators: number;
  unresolved: number;
  /** sameOperator / (sameOperator + acrossOperators). */
  precision: number | null;
  /** Detected result campaigns whose operator has another campaign detected no later. */
  linkable: number;
  /** Of them, attributed to a campaign of their operator. */
  linked: number;
  /** linked / linkable. */
  recall: number | null;
}

/** Accounts in the result that the labels do not know (excluded from every metric). */
export interface UnknownAccounts {
  count: number;
  flagged: number;
  sample: string[];
}

/** Everything `distillwatch eval` reports; written as `OUTDIR/score.json`. */
export interface Score {
  world: { preset: string; seed: number; scale: number; days: number; start: string; end: string };
  accounts: AccountMetrics;
  atBudget: BudgetMetrics;
  personas: PersonaScore[];
  tactics: TacticScore[];
  accountTactics: AccountTacticScore[];
  campaigns: CampaignScore[];
  detection: DetectionSummary;
  exposure: ExposureSummary | null;
  purity: PuritySummary;
  attribution: AttributionScore;
  unknownAccounts: UnknownAccounts;
  warnings: string[];
}

/** Per-campaign exchange tallies from one pass over the log (see exposure.ts). */
export interface ExposureTally {
  exchangesFile: string;
  lines: number;
  rejected: number;
  /** Campaign id -> [exchanges, servedBeforeFlag]. */
  campaigns: Map<string, [number, number]>;
  benignExchanges: number;
  benignAfterFlag: number;
  unknownExchanges: number;
}

/** Options of `scoreResult`. */
export interface ScoreOptions {
  falsePositiveBudget?: number;
}

/** a / b, or null when b is 0. */
function ratio(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}

/** Code-unit order of two strings (locale-independent, so scores are byte-identical everywhere). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Median of values where Infinity stands for "never"; null when empty or when the median is never. */
export function medianOrNever(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return Number.isFinite(median) ? median : null;
}

/** Flag time (epoch ms) of each account whose verdict has a non-null flaggedAt. */
export function flagTimes(verdicts: readonly AccountVerdict[]): Map<string, number> {
  const flags = new Map<string, number>();
  for (const verdict of verdicts) {
    if (verdict.flaggedAt !== null) flags.set(verdict.account, parseRfc3339(verdict.flaggedAt));
  }
  return flags;
}

/** Account id -> id of the true campaign listing it (the first one, if the labels list it twice). */
export function campaignOfAccount(labels: Labels): Map<string, string> {
  const owner = new Map<string, string>();
  for (const campaign of labels.campaigns) {
    for (const account of campaign.accounts) if (!owner.has(account)) owner.set(account, campaign.id);
  }
  return owner;
}

/** Scores a result against ground truth; `tally` (from the exchange log) adds the exposure metrics. */
export function scoreResult(
  labels: Labels,
  result: { campaigns: readonly CampaignResult[]; verdicts: readonly AccountVerdict[] },
  tally: ExposureTally | null = null,
  options: ScoreOptions = {},
): Score {
  const warnings = labelWarnings(labels);
  const flags = flagTimes(result.verdicts);
  const budget = options.falsePositiveBudget ?? DEFAULT_FP_BUDGET;
  const campaigns = labels.campaigns.map((campaign) =>
    scoreCampaign(campaign, labels.accounts, flags, tally),
  );
  const detection: DetectionSummary = {
    campaigns: campaigns.length,
    detected: campaigns.filter((campaign) => campaign.detected).length,
    medianHoursToFirstFlag: medianOrNever(
      campaigns.map((c) => c.hoursToFirstFlag ?? Number.POSITIVE_INFINITY),
    ),
    medianHoursToDetect: medianOrNever(campaigns.map((c) => c.hoursToDetect ?? Number.POSITIVE_INFINITY)),
    medianHoursFromHarvestToDetect: campaigns.some((c) => c.harvestStart !== null)
      ? medianOrNever(campaigns.map((c) => c.hoursFromHarvestToDetect ?? Number.POSITIVE_INFINITY))
      : null,
  };
  const purityScore = purity(labels, result.campaigns);
  const unknown = unknownAccounts(labels, result.verdicts, flags);
  if (unknown.count > 0) {
    warnings.push(
      `${unknown.count} account(s) in verdicts.ndjson are not in the labels (excluded from every metric), e.g. ${unknown.sample.slice(0, 3).join(', ')}`,
    );
  }
  return {
    world: {
      preset: labels.preset,
      seed: labels.seed,
      scale: labels.scale,
      days: labels.days,
      start: labels.start,
      end: labels.end,
    },
    accounts: accountMetrics(labels, flags),
    atBudget: budgetMetrics(labels, result.verdicts, budget),
    personas: personaScores(labels, flags),
    tactics: tacticScores(labels, campaigns, flags),
    accountTactics: accountTacticScores(labels, flags),
    campaigns,
    detection,
    exposure: tally && exposureSummary(tally),
    purity: purityScore,
    attribution: attributionScore(labels, result.campaigns, purityScore),
    unknownAccounts: unknown,
    warnings,
  };
}

function accountMetrics(labels: Labels, flags: Map<string, number>): AccountMetrics {
  let attack = 0;
  let benign = 0;
  let tp = 0;
  let fp = 0;
  for (const [account, label] of Object.entries(labels.accounts)) {
    const flagged = flags.has(account);
    if (label.isAttack) {
      attack++;
      if (flagged) tp++;
    } else {
      benign++;
      if (flagged) fp++;
    }
  }
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, attack);
  const f1 =
    precision === null || recall === null
      ? null
      : precision + recall === 0
        ? 0
        : (2 * precision * recall) / (precision + recall);
  return {
    labeled: attack + benign,
    attack,
    benign,
    flagged: tp + fp,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: attack - tp,
    trueNegatives: benign - fp,
    precision,
    recall,
    f1,
    falsePositiveRate: ratio(fp, benign),
  };
}

/**
 * Ranks labelled accounts by verdict risk (accounts without a verdict never rank) and flags the
 * longest prefix of whole equal-risk groups whose benign false-positive rate stays within budget.
 */
function budgetMetrics(labels: Labels, verdicts: readonly AccountVerdict[], budget: number): BudgetMetrics {
  const accounts = Object.values(labels.accounts);
  const benign = accounts.filter((label) => !label.isAttack).length;
  const attack = accounts.length - benign;
  const ranked = verdicts
    .filter((verdict) => labels.accounts[verdict.account] !== undefined)
    .map((verdict) => ({ risk: verdict.risk, isAttack: labels.accounts[verdict.account].isAttack }))
    .sort((a, b) => b.risk - a.risk);
  let tp = 0;
  let fp = 0;
  let threshold: number | null = null;
  for (let i = 0; i < ranked.length; ) {
    let j = i;
    let groupTp = 0;
    let groupFp = 0;
    for (; j < ranked.length && ranked[j].risk === ranked[i].risk; j++) {
      if (ranked[j].isAttack) groupTp++;
      else groupFp++;
    }
    if (benign > 0 && (fp + groupFp) / benign > budget) break;
    tp += groupTp;
    fp += groupFp;
    threshold = ranked[i].risk;
    i = j;
  }
  return {
    falsePositiveBudget: budget,
    riskThreshold: threshold,
    flagged: tp + fp,
    recall: ratio(tp, attack),
    falsePositiveRate: ratio(fp, benign),
  };
}

function personaScores(labels: Labels, flags: Map<string, number>): PersonaScore[] {
  const byPersona = new Map<string, PersonaScore>();
  for (const [account, label] of Object.entries(labels.accounts)) {
    let row = byPersona.get(label.persona);
    if (!row) {
      row = {
        persona: label.persona,
        accounts: 0,
        benign: 0,
        attack: 0,
        flaggedBenign: 0,
        flaggedAttack: 0,
        falsePositiveRate: null,
        recall: null,
      };
      byPersona.set(label.persona, row);
    }
    row.accounts++;
    const flagged = flags.has(account);
    if (label.isAttack) {
      row.attack++;
      if (flagged) row.flaggedAttack++;
    } else {
      row.benign++;
      if (flagged) row.flaggedBenign++;
    }
  }
  const rows = [...byPersona.values()];
  for (const row of rows) {
    row.falsePositiveRate = ratio(row.flaggedBenign, row.benign);
    row.recall = ratio(row.flaggedAttack, row.attack);
  }
  return rows.sort(
    (a, b) => Number(a.attack > 0) - Number(b.attack > 0) || compareText(a.persona, b.persona),
  );
}

function tacticScores(labels: Labels, campaigns: CampaignScore[], flags: Map<string, number>): TacticScore[] {
  const byTactic = new Map<string, TacticScore>();
  labels.campaigns.forEach((campaign, index) => {
    for (const tactic of new Set(campaign.tactics)) {
      let row = byTactic.get(tactic);
      if (!row) {
        row = { tactic, campaigns: 0, campaignsDetected: 0, accounts: 0, flagged: 0, recall: null };
        byTactic.set(tactic, row);
      }
      row.campaigns++;
      if (campaigns[index].detected) row.campaignsDetected++;
      row.accounts += campaign.accounts.length;
      row.flagged += campaign.accounts.filter((account) => flags.has(account)).length;
    }
  });
  const rows = [...byTactic.values()].sort((a, b) => compareText(a.tactic, b.tactic));
  for (const row of rows) row.recall = ratio(row.flagged, row.accounts);
  return rows;
}

function accountTacticScores(labels: Labels, flags: Map<string, number>): AccountTacticScore[] {
  const byTactic = new Map<string, AccountTacticScore>();
  for (const [account, label] of Object.entries(labels.accounts)) {
    if (!label.isAttack) continue;
    const tactic = label.tactic ?? '(none)';
    let row = byTactic.get(tactic);
    if (!row) {
      row = { tactic, accounts: 0, flagged: 0, recall: null };
      byTactic.set(tactic, row);
    }
    row.accounts++;
    if (flags.has(account)) row.flagged++;
  }
  const rows = [...byTactic.values()].sort((a, b) => compareText(a.tactic, b.tactic));
  for (const row of rows) row.recall = ratio(row.flagged, row.accounts);
  return rows;
}

/**
 * The first time at which the flagged members are at least half of those at work by then (begun
 * harvesting, or flagged) and at least min(3, half the members); null if that never happens. Members come
 * to work over weeks (aged accounts, hydra replacements), so half of *all* members (`detectedAt`)
 * measures how long the operation runs as much as how fast it is caught.
 */
function caughtAtWork(
  accounts: readonly string[],
  accountLabels: Labels['accounts'],
  flags: Map<string, number>,
): number | null {
  const events: { t: number; flag: boolean }[] = [];
  for (const account of accounts) {
    const harvest = accountLabels[account]?.harvestStart;
    const flag = flags.get(account);
    const start = Math.min(harvest === undefined ? Infinity : parseRfc3339(harvest), flag ?? Infinity);
    if (Number.isFinite(start)) events.push({ t: start, flag: false });
    if (flag !== undefined) events.push({ t: flag, flag: true });
  }
  events.sort((a, b) => a.t - b.t);
  const least = Math.min(3, Math.ceil(accounts.length / 2));
  let atWork = 0;
  let flagged = 0;
  for (let i = 0; i < events.length; i++) {
    if (events[i].flag) flagged++;
    else atWork++;
    if (i + 1 < events.length && events[i + 1].t === events[i].t) continue;
    if (flagged >= least && flagged >= Math.ceil(atWork / 2)) return events[i].t;
  }
  return null;
}

function scoreCampaign(
  campaign: Labels['campaigns'][number],
  accountLabels: Labels['accounts'],
  flags: Map<string, number>,
  tally: ExposureTally | null,
): CampaignScore {
  const start = parseRfc3339(campaign.start);
  const accounts = [...new Set(campaign.accounts)];
  const times = accounts
    .flatMap((account) => (flags.has(account) ? [flags.get(account)!] : []))
    .sort((a, b) => a - b);
  const recall = ratio(times.length, accounts.length);
  const needed = Math.ceil(DETECTED_RECALL * accounts.length);
  const detected = accounts.length > 0 && times.length >= needed;
  const firstFlag = times.length > 0 ? times[0] : null;
  const detectedTime = detected ? times[needed - 1] : null;
  const counts = tally ? (tally.campaigns.get(campaign.id) ?? [0, 0]) : null;
  const harvestStart = campaign.harvestStart === undefined ? null : parseRfc3339(campaign.harvestStart);
  // A campaign never detected as a whole is never caught, however early its first few flags came.
  const harvestDetected =
    harvestStart === null || !detected ? null : caughtAtWork(accounts, accountLabels, flags);
  return {
    id: campaign.id,
    operator: campaign.operator,
    tactics: campaign.tactics,
    start: campaign.start,
    end: campaign.end,
    labeledExchanges: campaign.exchanges,
    accounts: accounts.length,
    flagged: times.length,
    recall,
    detected,
    firstFlagAt: firstFlag === null ? null : toRfc3339(firstFlag),
    hoursToFirstFlag: firstFlag === null ? null : (firstFlag - start) / HOUR_MS,
    detectedAt: detectedTime === null ? null : toRfc3339(detectedTime),
    hoursToDetect: detectedTime === null ? null : (detectedTime - start) / HOUR_MS,
    harvestStart: harvestStart === null ? null : toRfc3339(harvestStart),
    harvestDetectedAt: harvestDetected === null ? null : toRfc3339(harvestDetected),
    hoursFromHarvestToDetect:
      harvestStart === null || harvestDetected === null ? null : (harvestDetected - harvestStart) / HOUR_MS,
    exposure: counts && {
      exchanges: counts[0],
      servedBeforeFlag: counts[1],
      share: ratio(counts[1], counts[0]),
    },
  };
}

function exposureSummary(tally: ExposureTally): ExposureSummary {
  let attack = 0;
  let served = 0;
  for (const [exchanges, before] of tally.campaigns.values()) {
    attack += exchanges;
    served += before;
  }
  return {
    exchangesFile: tally.exchangesFile,
    lines: tally.lines,
    rejected: tally.rejected,
    attackExchanges: attack,
    servedBeforeFlag: served,
    servedBeforeFlagShare: ratio(served, attack),
    benignExchanges: tally.benignExchanges,
    benignAfterFlag: tally.benignAfterFlag,
    benignAfterFlagShare: ratio(tally.benignAfterFlag, tally.benignExchanges),
    unknownExchanges: tally.unknownExchanges,
  };
}

function purity(labels: Labels, campaigns: readonly CampaignResult[]): PuritySummary {
  const owner = campaignOfAccount(labels);
  const byCampaign = campaigns.map((campaign): ResultCampaignPurity => {
    const members = [...new Set(campaign.accounts)];
    const counts = new Map<string, number>();
    let benign = 0;
    let unknown = 0;
    for (const account of members) {
      const truth = owner.get(account);
      if (truth !== undefined) counts.set(truth, (counts.get(truth) ?? 0) + 1);
      else if (labels.accounts[account] === undefined) unknown++;
      else benign++;
    }
    let dominant: string | null = null;
    let dominantAccounts = 0;
    for (const [id, count] of counts) {
      if (count > dominantAccounts || (count === dominantAccounts && dominant !== null && id < dominant)) {
        dominant = id;
        dominantAccounts = count;
      }
    }
    return {
      id: campaign.id,
      accounts: members.length,
      dominantCampaign: dominant,
      dominantAccounts,
      benign,
      unknown,
      purity: ratio(dominantAccounts, members.length),
    };
  });
  const scored = byCampaign.filter((row) => row.purity !== null);
  const total = scored.reduce((sum, row) => sum + row.accounts, 0);
  const dominant = scored.reduce((sum, row) => sum + row.dominantAccounts, 0);
  return {
    campaigns: byCampaign.length,
    scored: scored.length,
    weighted: ratio(dominant, total),
    mean: ratio(
      scored.reduce((sum, row) => sum + (row.purity ?? 0), 0),
      scored.length,
    ),
    byCampaign,
  };
}

function attributionScore(
  labels: Labels,
  campaigns: readonly CampaignResult[],
  purityScore: PuritySummary,
): AttributionScore {
  const operatorOfTruth = new Map(labels.campaigns.map((c) => [c.id, c.operator]));
  const operatorOf = new Map<string, string | null>();
  for (const row of purityScore.byCampaign) {
    const standsFor = row.dominantCampaign !== null && 2 * row.dominantAccounts >= row.accounts;
    operatorOf.set(row.id, standsFor ? (operatorOfTruth.get(row.dominantCampaign as string) ?? null) : null);
  }
  const detected = campaigns
    .filter((c) => c.detectedAt !== null)
    .map((c) => ({ c, at: parseRfc3339(c.detectedAt as string), operator: operatorOf.get(c.id) ?? null }));
  // Each operator's detection times, sorted: a campaign is linkable when another one of its
  // operator was detected no later, i.e. at least two of the operator's times are <= its own.
  const timesOf = new Map<string, number[]>();
  for (const d of detected) {
    if (d.operator === null) continue;
    const times = timesOf.get(d.operator) ?? [];
    times.push(d.at);
    timesOf.set(d.operator, times);
  }
  for (const times of timesOf.values()) times.sort((a, b) => a - b);
  const score = { attributed: 0, sameOperator: 0, acrossOperators: 0, unresolved: 0, linkable: 0, linked: 0 };
  for (const { c, at, operator } of detected) {
    const target = c.attribution ? (operatorOf.get(c.attribution.campaign) ?? null) : undefined;
    if (target !== undefined) {
      score.attributed++;
      if (operator === null || target === null) score.unresolved++;
      else if (operator === target) score.sameOperator++;
      else score.acrossOperators++;
    }
    if (operator === null || countAtMost(timesOf.get(operator) as number[], at) < 2) continue;
    score.linkable++;
    if (target === operator) score.linked++;
  }
  return {
    ...score,
    precision: ratio(score.sameOperator, score.sameOperator + score.acrossOperators),
    recall: ratio(score.linked, score.linkable),
  };
}

/** How many of the sorted `values` are at most `limit`. */
function countAtMost(values: readonly number[], limit: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] <= limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function unknownAccounts(
  labels: Labels,
  verdicts: readonly AccountVerdict[],
  flags: Map<string, number>,
): UnknownAccounts {
  const unknown = verdicts
    .filter((verdict) => labels.accounts[verdict.account] === undefined)
    .map((verdict) => verdict.account);
  return {
    count: unknown.length,
    flagged: unknown.filter((account) => flags.has(account)).length,
    sample: unknown.sort(compareText).slice(0, UNKNOWN_SAMPLE),
  };
}

/** Inconsistencies inside the labels themselves, reported rather than guessed around. */
function labelWarnings(labels: Labels): string[] {
  const warnings: string[] = [];
  const owner = new Map<string, string>();
  let unlabeled = 0;
  let notAttack = 0;
  let twice = 0;
  for (const campaign of labels.campaigns) {
    for (const account of campaign.accounts) {
      const label = labels.accounts[account];
      if (label === undefined) unlabeled++;
      else if (!label.isAttack) notAttack++;
      if (owner.has(account) && owner.get(account) !== campaign.id) twice++;
      owner.set(account, owner.get(account) ?? campaign.id);
    }
  }
  let orphans = 0;
  for (const [account, label] of Object.entries(labels.accounts))
    if (label.isAttack && !owner.has(account)) orphans++;
  if (unlabeled > 0) warnings.push(`${unlabeled} campaign account(s) have no account label`);
  if (notAttack > 0) warnings.push(`${notAttack} campaign account(s) are labelled isAttack=false`);
  if (twice > 0)
    warnings.push(`${twice} account(s) are listed by more than one campaign (the first one counts)`);
  if (orphans > 0)
    warnings.push(
      `${orphans} attack account(s) belong to no labelled campaign (counted in account metrics only)`,
    );
  return warnings;
}
