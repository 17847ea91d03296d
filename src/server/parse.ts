/**
 * Parsing and validating an NDJSON batch of exchanges into what the service keeps of each good
 * record: its id, event time, account and JSON text as received (columns, no Exchange objects:
 * the store keeps the text, and detection decodes it again on its own threads). The good texts
 * are copied as bytes from the body into one buffer (`lines`), never built as strings: it moves
 * between threads without copying and goes to the store and to detection as it is. Every line is
 * validated here, so the batch answer lists each rejected record with its index and reason: the
 * common well-formed record is accepted from its bytes in one pass (`quickExchange`), anything
 * else is parsed (`JSON.parse`) and checked by the fast path (`fastExchange`, a few type checks),
 * and the valibot schema (`decodeExchange`) judges and explains the rest.
 *
 * Pure and synchronous: the service runs it in a worker thread (`parse-pool.ts`) for big batches
 * and inline for small ones.
 */
import { decodeExchange } from '../core/schema.js';
import type { InputIssue } from '../core/types.js';
import { fastExchange } from '../pipeline/decode.js';
import { packLinesSync } from '../store/blocks.js';
import type { ExchangeColumns } from '../store/types.js';
import { HttpError, ndjsonLines } from './body.js';
import { quickExchange } from './quick-exchange.js';

/** One rejected record of a batch answer. */
export interface Rejection {
  index: number;
  line?: number;
  field?: string | null;
  reason: string;
}

/** A parsed batch (the good exchanges as columns, in input order): how many records it had, the good ones, and the rejected ones. */
export interface ParsedBatch extends ExchangeColumns {
  received: number;
  rejected: Rejection[];
}

/** The rejection of record `index` from its issues (field of the first, every reason). */
export function rejection(index: number, issues: InputIssue[]): Rejection {
  const first = issues[0];
  const reason = issues
    .map((issue) => (issue.field ? `${issue.field}: ${issue.reason}` : issue.reason))
    .join('; ');
  return { index, line: first?.line, field: first?.field ?? null, reason };
}

/** Parses and validates an NDJSON body of exchanges (413 `HttpError` beyond `maxRecords`). */
export function parseExchangeBatch(body: Buffer, maxRecords: number): ParsedBatch {
  const lines = ndjsonLines(body, maxRecords);
  const rejected: Rejection[] = [];
  const ids: string[] = [];
  const ts: number[] = [];
  const accounts: string[] = [];
  const good: number[] = [];
  let size = 0;
  for (let index = 0; index < lines.length; index++) {
    const { line, start, end } = lines[index];
    const quick = quickExchange(body, start, end);
    if (quick !== null) {
      ids.push(quick.id);
      ts.push(quick.ts);
      accounts.push(quick.account);
      good.push(index);
      size += end - start + 1;
      continue;
    }
    const text = body.toString('utf8', start, end);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      rejected.push({ index, line, field: null, reason: `invalid JSON: ${(error as Error).message}` });
      continue;
    }
    let record = fastExchange(value);
    if (record === null) {
      const decoded = decodeExchange(value, { file: 'request', line });
      if (!decoded.ok) {
        rejected.push(rejection(index, decoded.issues));
        continue;
      }
      record = decoded.value;
    }
    ids.push(record.id);
    ts.push(record.ts);
    accounts.push(record.account);
    good.push(index);
    size += end - start + 1;
  }
  // The good texts as they came, newline-joined, in a buffer of their own (never a pool's slice).
  const out = new Uint8Array(Math.max(0, size - 1));
  const ends = new Uint32Array(good.length);
  let at = 0;
  for (let k = 0; k < good.length; k++) {
    const { start, end } = lines[good[k]];
    if (k > 0) out[at++] = 0x0a;
    out.set(body.subarray(start, end), at);
    at += end - start;
    ends[k] = at;
  }
  return { received: lines.length, rejected, ids, ts, accounts, lines: out, ends };
}

/** `parseExchangeBatch`, plus the good texts packed for the store (done where the parsing runs). */
export function parseAndPack(body: Buffer, maxRecords: number): ParsedBatch {
  const batch = parseExchangeBatch(body, maxRecords);
  if (batch.ids.length > 0) batch.packed = packLinesSync(batch.lines);
  return batch;
}

export { HttpError };
