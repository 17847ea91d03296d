/**
 * Exposure: how much of each campaign's traffic was served before its sending account was
 * flagged, and how much benign traffic came after a (false) flag. One streaming pass over the
 * exchange log; memory is one small entry per labelled account plus two counters per campaign,
 * whatever the size of the log.
 */
import type { Exchange, Labels } from '../core/types.js';
import { readExchanges } from '../sources/ndjson/index.js';
import { campaignOfAccount, type ExposureTally } from './score.js';

/** What the tally needs to know of one labelled account. */
interface AccountEntry {
  /** Counters of its true campaign, or null for a benign account. */
  counts: [number, number] | null;
  /** Epoch ms of its flag, Infinity when never flagged. */
  flaggedAt: number;
}

/** A tally in progress: feed it batches of exchanges, then read `tally`. */
export interface ExposureCounter {
  add(batch: readonly Exchange[]): void;
  readonly tally: ExposureTally;
}

/** Starts a tally for these labels and flag times (account -> epoch ms). */
export function createExposureCounter(
  labels: Labels,
  flags: ReadonlyMap<string, number>,
  exchangesFile = '-',
): ExposureCounter {
  const tally: ExposureTally = {
    exchangesFile,
    lines: 0,
    rejected: 0,
    campaigns: new Map(labels.campaigns.map((campaign) => [campaign.id, [0, 0]])),
    benignExchanges: 0,
    benignAfterFlag: 0,
    unknownExchanges: 0,
  };
  const owner = campaignOfAccount(labels);
  const entries = new Map<string, AccountEntry>();
  for (const [account, label] of Object.entries(labels.accounts)) {
    const campaign = owner.get(account);
    const counts = campaign === undefined ? null : tally.campaigns.get(campaign)!;
    // An attack account outside every campaign counts neither as campaign traffic nor as benign.
    if (counts === null && label.isAttack) continue;
    entries.set(account, { counts, flaggedAt: flags.get(account) ?? Number.POSITIVE_INFINITY });
  }
  return {
    tally,
    add(batch) {
      for (const exchange of batch) {
        const entry = entries.get(exchange.account);
        if (entry === undefined) {
          if (labels.accounts[exchange.account] === undefined) tally.unknownExchanges++;
        } else if (entry.counts !== null) {
          entry.counts[0]++;
          if (exchange.ts <= entry.flaggedAt) entry.counts[1]++;
        } else {
          tally.benignExchanges++;
          if (exchange.ts > entry.flaggedAt) tally.benignAfterFlag++;
        }
      }
    },
  };
}

/** Streams an exchange log (NDJSON, gzip or '-') into an exposure tally. */
export async function tallyExposure(
  path: string,
  labels: Labels,
  flags: ReadonlyMap<string, number>,
): Promise<ExposureTally> {
  const counter = createExposureCounter(labels, flags, path);
  const reader = readExchanges(path, { keepIssues: 20 });
  for await (const batch of reader) counter.add(batch);
  counter.tally.lines = reader.summary.lines;
  counter.tally.rejected = reader.summary.rejected;
  return counter.tally;
}
