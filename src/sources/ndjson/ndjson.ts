/**
 * Streaming NDJSON source: files (`.ndjson`, `.jsonl`, gzip by magic bytes) or stdin (`-`).
 * Splits on bytes, never loads a whole file, and caps a line's size so one huge or endless line
 * cannot exhaust memory: it is reported and skipped. Bad lines become issues; the read goes on.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { type Decoded, decodeAccountEvent, decodeExchange, type Position } from '../../core/schema.js';
import type { AccountEvent, Exchange, InputIssue } from '../../core/types.js';

/** Counts of one read, complete once iteration ends. */
export interface ReadSummary {
  file: string;
  lines: number;
  accepted: number;
  rejected: number;
  /** The first `keepIssues` issues, in input order. */
  issues: InputIssue[];
}

export interface ReadOptions {
  /** Lines longer than this many bytes are rejected unread (default 16 MiB). */
  maxLineBytes?: number;
  /** Called for every rejected line, in order. */
  onIssue?: (issue: InputIssue) => void;
  /** How many issues to keep in the summary (default 1000). */
  keepIssues?: number;
}

/** A decoder of one parsed JSON value. */
export type Decoder<T> = (value: unknown, at: Position) => Decoded<T>;

/** A batch iterator whose summary fills in as it is read. */
export interface NdjsonReader<T> extends AsyncIterable<T[]> {
  readonly summary: ReadSummary;
}

const NEWLINE = 0x0a;
const DEFAULT_MAX_LINE = 16 * 1024 * 1024;

/** Opens a file or stdin ('-') as a byte stream, gunzipping when the data starts with gzip magic. */
export async function openInput(path: string): Promise<AsyncIterable<Buffer>> {
  const raw: AsyncIterable<Buffer> =
    path === '-' ? process.stdin : createReadStream(path, { highWaterMark: 1 << 20 });
  const iterator = raw[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return (async function* () {})();
  const head = first.value as Buffer;
  async function* replay(): AsyncGenerator<Buffer> {
    yield head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next())
      yield next.value as Buffer;
  }
  const isGzip = head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
  return isGzip ? Readable.from(replay()).pipe(createGunzip()) : replay();
}

/** One line of a byte stream: `buf[start, end)` without its newline, or `buf` null when it was over the limit. */
export interface LineRange {
  line: number;
  buf: Buffer | null;
  start: number;
  end: number;
  bytes: number;
}

/**
 * Splits a byte stream into line ranges, one array per chunk read, without decoding them. A line
 * over `maxLineBytes` is yielded with `buf: null`, its bytes dropped as they arrive (bounded memory).
 */
export async function* splitLineRanges(
  input: AsyncIterable<Buffer>,
  maxLineBytes = DEFAULT_MAX_LINE,
): AsyncGenerator<LineRange[]> {
  let carry: Buffer[] = [];
  let carryBytes = 0;
  let tooLong = false;
  let line = 0;
  for await (const chunk of input) {
    const out: LineRange[] = [];
    let start = 0;
    for (let nl = chunk.indexOf(NEWLINE, start); nl !== -1; nl = chunk.indexOf(NEWLINE, start)) {
      line++;
      const bytes = carryBytes + nl - start;
      if (tooLong || bytes > maxLineBytes) {
        out.push({ line, buf: null, start: 0, end: 0, bytes });
      } else if (carryBytes > 0) {
        carry.push(chunk.subarray(start, nl));
        out.push({ line, buf: Buffer.concat(carry, bytes), start: 0, end: bytes, bytes });
      } else {
        out.push({ line, buf: chunk, start, end: nl, bytes });
      }
      carry = [];
      carryBytes = 0;
      tooLong = false;
      start = nl + 1;
    }
    if (start < chunk.length) {
      carryBytes += chunk.length - start;
      if (carryBytes > maxLineBytes) {
        tooLong = true;
        carry = [];
      } else {
        carry.push(Buffer.from(chunk.subarray(start)));
      }
    }
    yield out;
  }
  if (carryBytes > 0) {
    line++;
    const buf = tooLong ? null : Buffer.concat(carry);
    yield [{ line, buf, start: 0, end: buf?.length ?? 0, bytes: carryBytes }];
  }
}

/** Splits a byte stream into UTF-8 lines; a line over `maxLineBytes` is yielded with `text` null. */
export async function* splitLines(
  input: AsyncIterable<Buffer>,
  maxLineBytes = DEFAULT_MAX_LINE,
): AsyncGenerator<{ line: number; text: string | null; bytes: number }[]> {
  for await (const ranges of splitLineRanges(input, maxLineBytes)) {
    if (ranges.length === 0) continue;
    yield ranges.map(({ line, buf, start, end, bytes }) => ({
      line,
      text: buf === null ? null : buf.toString('utf8', start, end),
      bytes,
    }));
  }
}

/** Reads NDJSON records in batches, decoding each line and reporting each bad one with its position. */
export function readNdjson<T>(path: string, decode: Decoder<T>, options: ReadOptions = {}): NdjsonReader<T> {
  const file = path === '-' ? '<stdin>' : path;
  const summary: ReadSummary = { file, lines: 0, accepted: 0, rejected: 0, issues: [] };
  const keep = options.keepIssues ?? 1000;
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE;
  const reject = (issues: InputIssue[]) => {
    summary.rejected++;
    for (const issue of issues) {
      if (summary.issues.length < keep) summary.issues.push(issue);
      options.onIssue?.(issue);
    }
  };
  return {
    summary,
    async *[Symbol.asyncIterator]() {
      const input = await openInput(path);
      for await (const lines of splitLines(input, maxLineBytes)) {
        const batch: T[] = [];
        for (const { line, text, bytes } of lines) {
          summary.lines = line;
          if (text === null) {
            reject([
              {
                file,
                line,
                field: null,
                reason: `line is ${bytes} bytes, over the ${maxLineBytes}-byte limit`,
              },
            ]);
            continue;
          }
          const trimmed = line === 1 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
          if (trimmed.trim() === '') continue;
          let value: unknown;
          try {
            value = JSON.parse(trimmed);
          } catch (error) {
            reject([{ file, line, field: null, reason: `invalid JSON: ${(error as Error).message}` }]);
            continue;
          }
          const decoded = decode(value, { file, line });
          if (decoded.ok) {
            summary.accepted++;
            batch.push(decoded.value);
          } else {
            reject(decoded.issues);
          }
        }
        if (batch.length > 0) yield batch;
      }
    },
  };
}

/** Reads canonical exchanges. */
export function readExchanges(path: string, options?: ReadOptions): NdjsonReader<Exchange> {
  return readNdjson(path, decodeExchange, options);
}

/** Reads canonical account events. */
export function readAccountEvents(path: string, options?: ReadOptions): NdjsonReader<AccountEvent> {
  return readNdjson(path, decodeAccountEvent, options);
}

/** One line of text describing an issue: `file:line field: reason`. */
export function formatIssue(issue: InputIssue): string {
  return `${issue.file}:${issue.line}${issue.field ? ` ${issue.field}` : ''}: ${issue.reason}`;
}

/** One line of text summarising a read. */
export function formatSummary(summary: ReadSummary): string {
  return `${summary.file}: ${summary.accepted} accepted, ${summary.rejected} rejected of ${summary.lines} lines`;
}
