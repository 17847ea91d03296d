/**
 * Reading an exchange back from the JSON text the store kept. The text was validated when it was
 * ingested, so the fast decoder almost always accepts it; the schema covers the rest. A text
 * that no longer decodes means a damaged store: an operator error, never a silent skip.
 */
import { OperatorError } from '../core/errors.js';
import { decodeExchange } from '../core/schema.js';
import type { Exchange } from '../core/types.js';
import { fastExchange } from '../pipeline/decode.js';

/** The exchange of one stored JSON text (`seq` names it in the error). */
export function storedExchange(text: string, seq: number): Exchange {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  const fast = fastExchange(value);
  if (fast !== null) return fast;
  const decoded = decodeExchange(value, { file: 'store', line: seq });
  if (decoded.ok) return decoded.value;
  throw new OperatorError('store', `stored exchange ${seq} cannot be read: the store is damaged`);
}
