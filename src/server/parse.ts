/**
 * Parsing and validating an NDJSON batch of exchanges into what the service keeps of each good
 * record: its id, event time, account and JSON text as received (columns, no Exchange objects:
 * the store keeps the text, and detection decodes it again on its own threads). Every line is
 * validated here, so the batch answer lists each rejected record with its index and reason: the
 * fast path (`fastExchange`) accepts the common well-formed record with a few type checks, and
 * the valibot schema (`decodeExchange`) judges and explains the rest.
 *
 * Pure and synchronous: the service runs it in a worker thread (`parse-pool.ts`) for big batches
 * and inline for small ones.
 */
import { deflateRawSync } from 'node:zlib';
import { decodeExchange } from '../core/schema.js';
import type { InputIssue } from '../core/types.js';
import { fastExchange } from '../pipeline/decode.js';
import type { ExchangeColumns } from '../store/types.js';
import { HttpError, ndjsonLines } from './body.js';

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
  /** Length of each text, while the texts travel joined between threads. */
  lengths?: number[];
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
  const out: ParsedBatch = { received: lines.length, rejected: [], ids: [], ts: [], accounts: [], texts: [] };
  for (let index = 0; index < lines.length; index++) {
    const { line, start, end } = lines[index];
    const text = body.toString('utf8', start, end);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      out.rejected.push({ index, line, field: null, reason: `invalid JSON: ${(error as Error).message}` });
      continue;
    }
    let record = fastExchange(value);
    if (record === null) {
      const decoded = decodeExchange(value, { file: 'request', line });
      if (!decoded.ok) {
        out.rejected.push(rejection(index, decoded.issues));
        continue;
      }
      record = decoded.value;
    }
    out.ids.push(record.id);
    out.ts.push(record.ts);
    out.accounts.push(record.account);
    out.texts.push(text);
  }
  return out;
}

/** `parseExchangeBatch`, plus the good texts deflated for the store (done where the parsing runs). */
export function parseAndPack(body: Buffer, maxRecords: number): ParsedBatch {
  const batch = parseExchangeBatch(body, maxRecords);
  if (batch.texts.length > 0) {
    const packed = deflateRawSync(Buffer.from(batch.texts.join('\n')), { level: 1 });
    batch.deflated = new Uint8Array(packed.buffer, packed.byteOffset, packed.byteLength);
  }
  batch.lengths = batch.texts.map((text) => text.length);
  return batch;
}

export { HttpError };
