/**
 * A dependency-free structural check of a precomputed fingerprint (privacy mode), so the edge
 * entry does not pull in the schema library. The ingest path validates with the full schema
 * (core/schema.ts); this is the last guard before a fingerprint is trusted.
 */

const BUCKETS = new Set(['xs', 's', 'm', 'l', 'xl']);

function isStringArray(value: unknown): boolean {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/** Returns null when `value` is a well-formed Fingerprint, else the first problem found. */
export function checkFingerprint(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'must be an object';
  const fp = value as Record<string, unknown>;
  if (typeof fp.template !== 'string' || fp.template === '') return 'template must be a non-empty string';
  if (typeof fp.templateText !== 'string') return 'templateText must be a string';
  if (!isStringArray(fp.bands)) return 'bands must be an array of strings';
  if (!isStringArray(fp.capabilities)) return 'capabilities must be an array of strings';
  if (!Array.isArray(fp.extraction)) return 'extraction must be an array';
  for (const m of fp.extraction as unknown[]) {
    const match = m as Record<string, unknown> | null;
    if (
      typeof match !== 'object' ||
      match === null ||
      typeof match.tag !== 'string' ||
      typeof match.span !== 'string'
    ) {
      return 'extraction entries must be {tag, span} strings';
    }
  }
  if (typeof fp.language !== 'string') return 'language must be a string';
  const shape = fp.shape as Record<string, unknown> | null;
  if (typeof shape !== 'object' || shape === null) return 'shape must be an object';
  for (const key of ['turns', 'tools', 'chars'] as const) {
    const n = shape[key];
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0)
      return `shape.${key} must be a non-negative integer`;
  }
  if (typeof shape.contextBucket !== 'string' || !BUCKETS.has(shape.contextBucket))
    return 'shape.contextBucket must be xs, s, m, l or xl';
  if (typeof shape.hasSystem !== 'boolean') return 'shape.hasSystem must be a boolean';
  return null;
}
