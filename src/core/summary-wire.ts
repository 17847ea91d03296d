/**
 * The wire form of an account summary between threads: its JSON, with the top-K counts as flat
 * `[key, count, ...]` arrays. `JSON.parse` builds an object with unseen keys by creating a hidden
 * class per key sequence, a cost that grows with the number of distinct values seen (at
 * `alibaba-2026 --scale 0.05` it was 12% of the main thread); the flat arrays are filled into hash
 * tables instead.
 *
 * A summary decoded by `summaryFromWire` remembers the string it came from (`takeWire`): a holder of
 * many summaries (the campaign engine keeps every account's latest) can keep that string, ~3.5 KB,
 * instead of the ~13 KB object, and decode it again when it reads it.
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

/** A summary as its wire JSON (read back with `summaryFromWire`). */
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

const wireJson = new WeakMap<AccountSummary, string>();

/** The summary of a wire JSON (it does not remember `json`). */
export function parseSummary(json: string): AccountSummary {
  return fromWireObject(JSON.parse(json) as Record<string, unknown>);
}

/** The summary of a wire JSON, remembering `json` until `takeWire` takes it. */
export function summaryFromWire(json: string): AccountSummary {
  const summary = parseSummary(json);
  wireJson.set(summary, json);
  return summary;
}

/** The wire JSON `summary` was decoded from by `summaryFromWire`, if it was; forgotten from now on. */
export function takeWire(summary: AccountSummary): string | undefined {
  const json = wireJson.get(summary);
  if (json !== undefined) wireJson.delete(summary);
  return json;
}
