/**
 * A fast path for decoding well-formed exchanges in the partitions. Validating every record with
 * the valibot schema costs about as much as parsing it; almost every record of a real log is
 * well formed. `fastExchange` accepts only records it can prove valid with a few type checks and
 * builds the same Exchange the schema would; anything else (a bad field, a privacy-mode
 * fingerprint, an odd time) returns null and goes through `decodeExchange`, which reports the
 * issue with its field and reason. Its test checks it never accepts what the schema rejects.
 */
import { parseRfc3339 } from '../core/schema.js';
import type { Exchange } from '../core/types.js';

const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;
const isText = (x: unknown): x is string => typeof x === 'string';

function validSdk(x: unknown): boolean {
  if (x === null || typeof x !== 'object' || Array.isArray(x)) return false;
  for (const key in x as Record<string, unknown>) {
    const value = (x as Record<string, unknown>)[key];
    const type = typeof value;
    if (type !== 'string' && type !== 'number' && type !== 'boolean') return false;
  }
  return true;
}

/** The exchange of a parsed JSON value when it is plainly valid, else null (use `decodeExchange`). */
export function fastExchange(value: unknown): Exchange | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const input = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  let required = 0;
  for (const key in input) {
    const x = input[key];
    switch (key) {
      case 'id':
      case 'account':
        if (typeof x !== 'string' || x.length === 0 || x.length > 512) return null;
        required |= key === 'id' ? 1 : 2;
        break;
      case 'ts': {
        const ts = typeof x === 'number' ? x : typeof x === 'string' ? parseRfc3339(x) : Number.NaN;
        if (!(Number.isFinite(ts) && ts >= 0)) return null;
        out.ts = ts;
        required |= 4;
        continue;
      }
      case 'org':
      case 'apiKey':
      case 'model':
      case 'ip':
      case 'userAgent':
      case 'ja4':
      case 'prompt':
      case 'system':
        if (!isText(x)) return null;
        break;
      case 'turns':
      case 'n':
        if (!isCount(x) || x < 1) return null;
        break;
      case 'maxTokens':
      case 'inputTokens':
      case 'outputTokens':
      case 'reasoningTokens':
        if (!isCount(x)) return null;
        break;
      case 'temperature':
      case 'topP':
      case 'latencyMs':
        if (typeof x !== 'number' || !(x >= 0)) return null;
        break;
      case 'seed':
        if (typeof x !== 'number') return null;
        break;
      case 'logprobs':
        if (typeof x !== 'boolean' && !isCount(x)) return null;
        break;
      case 'stream':
        if (typeof x !== 'boolean') return null;
        break;
      case 'status':
        if (!isCount(x) || x < 100 || x > 599) return null;
        break;
      case 'tools':
        if (!Array.isArray(x)) return null;
        break;
      case 'sdk':
        if (!validSdk(x)) return null;
        break;
      case 'fingerprint':
        return null; // privacy mode: the schema validates its nested shape
      default:
        continue; // unknown fields are ignored, as the schema strips them
    }
    out[key] = x;
  }
  return required === 7 ? (out as unknown as Exchange) : null;
}
