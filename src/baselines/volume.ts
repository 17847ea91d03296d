/**
 * Reference baseline 1: a per-account volume threshold, the rule a rate limiter embodies.
 * Flags an account at the exchange that brings its count in a sliding 24 h window to the
 * threshold (default 1,000: the order of the daily request caps API tiers publish).
 * Why it is here: DESIGN.md section 5. Distillation campaigns spread their volume over thousands
 * of accounts (~26 exchanges per account per day in the June 2026 disclosure), so this rule should
 * miss them, and it fires on the honest heavy users (benchmark runners, scripted pipelines)
 * instead. If it scores well on a standard scenario, the scenario is too easy.
 *
 * Window: the exchanges of the account with time in (t - window, t], t the current exchange.
 * Memory: per account a tally and, until it is flagged, the times inside its window, which never
 * exceed `threshold` entries (the account is flagged the moment they would).
 */
import { HOUR_MS } from '../core/time.js';
import type { AccountEvent, Exchange } from '../core/types.js';
import {
  type AccountTally,
  type BaselineResult,
  countExchange,
  emptyTally,
  firstFlagged,
  flagAt,
  toResult,
} from './common.js';

/** Parameters of the volume baseline. */
export interface VolumeOptions {
  /** Exchanges within the window that flag an account (default 1000). */
  threshold?: number;
  /** Window length in hours (default 24). */
  windowHours?: number;
}

export const DEFAULT_VOLUME_THRESHOLD = 1000;
export const DEFAULT_VOLUME_WINDOW_HOURS = 24;

/** The times of one account's exchanges inside the sliding window, oldest first (a growable ring). */
interface Window {
  times: Float64Array;
  head: number;
  size: number;
  /** Largest window count seen. */
  peak: number;
}

/** A volume baseline run in progress: feed batches in log order, then `finish`. */
export interface VolumeDetector {
  /** Registers accounts from the account log so that each gets a verdict (volume ignores the rest). */
  addAccounts(batch: readonly AccountEvent[]): void;
  add(batch: readonly Exchange[]): void;
  /** Exchanges older than their account's latest one (counted at that latest time). */
  readonly outOfOrder: number;
  finish(): BaselineResult;
}

/** Starts a volume baseline run. */
export function createVolumeDetector(options: VolumeOptions = {}): VolumeDetector {
  const threshold = options.threshold ?? DEFAULT_VOLUME_THRESHOLD;
  const windowHours = options.windowHours ?? DEFAULT_VOLUME_WINDOW_HOURS;
  if (!(Number.isInteger(threshold) && threshold >= 1))
    throw new RangeError(`threshold must be an integer >= 1, got ${threshold}`);
  if (!(windowHours > 0)) throw new RangeError(`windowHours must be > 0, got ${windowHours}`);
  const windowMs = windowHours * HOUR_MS;
  const tallies = new Map<string, AccountTally>();
  const windows = new Map<string, Window>();
  let outOfOrder = 0;

  function push(window: Window, ts: number): void {
    const cutoff = ts - windowMs;
    while (window.size > 0 && window.times[window.head] <= cutoff) {
      window.head = (window.head + 1) % window.times.length;
      window.size--;
    }
    if (window.size === window.times.length) {
      const grown = new Float64Array(Math.min(threshold, window.times.length * 2));
      for (let i = 0; i < window.size; i++) grown[i] = window.times[(window.head + i) % window.times.length];
      window.times = grown;
      window.head = 0;
    }
    window.times[(window.head + window.size) % window.times.length] = ts;
    window.size++;
    if (window.size > window.peak) window.peak = window.size;
  }

  return {
    get outOfOrder() {
      return outOfOrder;
    },
    addAccounts(batch) {
      for (const event of batch) if (!tallies.has(event.account)) tallies.set(event.account, emptyTally());
    },
    add(batch) {
      for (const exchange of batch) {
        let tally = tallies.get(exchange.account);
        if (tally === undefined) {
          tally = emptyTally();
          tallies.set(exchange.account, tally);
        }
        let ts = exchange.ts;
        if (tally.lastSeen !== null && ts < tally.lastSeen) {
          outOfOrder++;
          ts = tally.lastSeen;
        }
        countExchange(tally, exchange.ts);
        if (tally.flaggedAt !== null) continue;
        let window = windows.get(exchange.account);
        if (window === undefined) {
          window = { times: new Float64Array(Math.min(threshold, 8)), head: 0, size: 0, peak: 0 };
          windows.set(exchange.account, window);
        }
        push(window, ts);
        tally.risk = window.peak / threshold;
        if (window.size >= threshold) {
          flagAt(tally, ts);
          windows.delete(exchange.account);
        }
      }
    },
    finish() {
      const flagged = [...tallies.values()].filter((tally) => tally.flaggedAt !== null).length;
      return toResult(tallies, 'volume', [
        {
          kind: 'volume-threshold',
          weight: 1,
          summary: `${flagged} account(s) sent at least ${threshold} exchanges within ${windowHours} h`,
          facts: { threshold, windowHours, accounts: flagged, firstFlagged: firstFlagged(tallies) },
        },
      ]);
    },
  };
}
