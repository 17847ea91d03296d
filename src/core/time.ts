/** Time helpers shared by every stage. */
import type { EpochMs } from './types.js';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** RFC 3339 text (UTC, milliseconds) of an epoch-ms time. */
export function toRfc3339(ms: EpochMs): string {
  return new Date(ms).toISOString();
}

/** RFC 3339 text, or null for a null time. */
export function toRfc3339OrNull(ms: EpochMs | null | undefined): string | null {
  return ms === null || ms === undefined ? null : toRfc3339(ms);
}
