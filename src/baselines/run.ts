/**
 * Runs a reference baseline over log files and writes the result contract: streams the account
 * log (network baseline) and the exchange log once, in batches, so memory grows with the number
 * of accounts, never with the number of exchanges.
 */
import type { AccountEvent } from '../core/types.js';
import { createEnricher } from '../enrich/index.js';
import { writeResult } from '../eval/result.js';
import { type ReadSummary, readAccountEvents, readExchanges } from '../sources/ndjson/index.js';
import type { BaselineResult } from './common.js';
import { createNetworkDetector, type NetworkClassifier } from './network.js';
import { createVolumeDetector, type VolumeOptions } from './volume.js';

/** The baselines, by CLI name. */
export const BASELINES = ['volume', 'network'] as const;
export type BaselineName = (typeof BASELINES)[number];

/** One baseline run over files. */
export interface BaselineRun {
  baseline: BaselineName;
  exchangesPath: string;
  /** Account log (sign-ups etc.): every account in it gets a verdict; network reads email domains from it. */
  accountsPath?: string;
  outDir: string;
  volume?: VolumeOptions;
  /** Address and email classifier of the network baseline (default: `createEnricher()`, packaged data). */
  classifier?: NetworkClassifier;
  /** Called after each batch of exchanges with the running count. */
  onProgress?: (exchanges: number) => void;
}

/** What a run read and wrote. */
export interface BaselineReport {
  result: BaselineResult;
  exchanges: ReadSummary;
  accounts: ReadSummary | null;
  /** Exchanges older than their account's previous one (volume baseline; counted at that time). */
  outOfOrder: number;
}

/** Streams the account log, when there is one, into `add`. */
async function readAccounts(
  path: string | undefined,
  add: (batch: AccountEvent[]) => void,
): Promise<ReadSummary | null> {
  if (!path) return null;
  const events = readAccountEvents(path, { keepIssues: 20 });
  for await (const batch of events) add(batch);
  return events.summary;
}

/** Runs a baseline over the logs and writes campaigns.json + verdicts.ndjson into `outDir`. */
export async function runBaseline(run: BaselineRun): Promise<BaselineReport> {
  let seen = 0;
  const exchanges = readExchanges(run.exchangesPath, { keepIssues: 20 });
  let accounts: ReadSummary | null = null;
  let result: BaselineResult;
  let outOfOrder = 0;
  if (run.baseline === 'volume') {
    const detector = createVolumeDetector(run.volume);
    accounts = await readAccounts(run.accountsPath, (batch) => detector.addAccounts(batch));
    for await (const batch of exchanges) {
      detector.add(batch);
      seen += batch.length;
      run.onProgress?.(seen);
    }
    result = detector.finish();
    outOfOrder = detector.outOfOrder;
  } else {
    const detector = createNetworkDetector(run.classifier ?? createEnricher());
    accounts = await readAccounts(run.accountsPath, (batch) => detector.addAccounts(batch));
    for await (const batch of exchanges) {
      detector.add(batch);
      seen += batch.length;
      run.onProgress?.(seen);
    }
    result = detector.finish();
  }
  await writeResult(run.outDir, result.campaigns, result.verdicts);
  return { result, exchanges: exchanges.summary, accounts, outOfOrder };
}
