/**
 * The wire form of an account summary between threads: its JSON, with the top-K counts as flat
 * `[key, count, ...]` arrays. `JSON.parse` builds an object with unseen keys by creating a hidden
 * class per key sequence, a cost that grows with the number of distinct values seen (at
 * `alibaba-2026 --scale 0.05` it was 12% of the main thread); the flat arrays are filled into hash
 * tables instead.
 *
 * Summaries cross to the campaign engine still in this form (`WireSummary`): the engine decodes
 * them one at a time, and keeps an account's latest as its string, ~3.5 KB, instead of the ~13 KB
 * object, until it reads it. Decoded on arrival, a tick's summaries were all alive at once: at the
 * end of a scale-1 scan (every changed account flushed) that was over a GiB of the main thread.
 */
import type { AccountSummary } from './types.js';

/** The summary fields holding top-K counts keyed by arbitrary values (IPs, hashes, user agents). */
const TOP_COUNT_FIELDS = [
  'models',
  'capabilities',
  'extraction',
  'templates',
  'bands',
  'languages',
  'ips',
  'prefixes',
  'asns',
  'ipCountries',
  'directIpCountries',
  'netClasses',
  'userAgents',
  'sdkSets',
  'ja4s',
  'clients',
] as const satisfies readonly (keyof AccountSummary)[];

/** The wire object of a summary (top-K counts flattened), ready for `JSON.stringify`. */
function wireObject(summary: AccountSummary): Record<string, unknown> {
  const out: Record<string, unknown> = { ...summary };
  for (const field of TOP_COUNT_FIELDS) {
    const counts = summary[field];
    if (counts === undefined) continue;
    const flat: (string | number)[] = [];
    for (const key in counts) flat.push(key, counts[key]);
    out[field] = flat;
  }
  return out;
}

/** A summary as its wire JSON (read back with `parseSummary`). */
export function summaryToWire(summary: AccountSummary): string {
  return JSON.stringify(wireObject(summary));
}

/** Turns a parsed wire object into the summary, in place: equal to the original, key order included. */
function fromWireObject(wire: Record<string, unknown>): AccountSummary {
  for (const field of TOP_COUNT_FIELDS) {
    const flat = wire[field] as (string | number)[] | undefined;
    if (flat === undefined) continue;
    // Filled without a prototype (a hash table from the start), then given the ordinary one.
    const counts = Object.create(null) as Record<string, number>;
    for (let i = 0; i < flat.length; i += 2) counts[flat[i]] = flat[i + 1] as number;
    wire[field] = Object.setPrototypeOf(counts, Object.prototype);
  }
  return wire as unknown as AccountSummary;
}

/** The summary of a wire JSON. */
export function parseSummary(json: string): AccountSummary {
  return fromWireObject(JSON.parse(json) as Record<string, unknown>);
}

/**
 * A summary still in wire form, with its account (enough to sort and route it undecoded) and,
 * when its per-event stages make one (`PerEventStages.digest`), a digest of what the global stage
 * reads of every changed summary, so that it need not decode the summary to read it.
 */
export interface WireSummary {
  account: string;
  wire: string;
  digest?: string;
}

/** A changed account's summary as the engine takes it: decoded, or still in wire form. */
export type ChangedSummary = AccountSummary | WireSummary;

/** Whether a changed summary is still in wire form. */
export function isWireSummary(summary: ChangedSummary): summary is WireSummary {
  return typeof (summary as Partial<WireSummary>).wire === 'string';
}
