/**
 * Batch replay of a log through the pipeline, in event time: what `scan` runs. The main thread
 * splits the exchange log into lines, reads each line's account and time without parsing it
 * (route.ts), merges in the account events by time, and ships raw line bytes to the account's
 * partition, where a worker parses and applies them. Ticks fire at every `tickMs` boundary of
 * event time (periods without records are skipped).
 *
 * No look-ahead: a record with `ts >= B` is held back until the tick at boundary B has been
 * sent, so the tick at B sees only records with `ts < B`. Mild disorder is absorbed: the tick at
 * B fires only once a record at `B + reorderMs` has been seen, so records up to `reorderMs` late
 * still land in their own period. A record later than that is applied in the current period and
 * counted as late (with its line and how far behind it was), never dropped.
 */
import { OperatorError } from '../core/errors.js';
import { parseRfc3339 } from '../core/schema.js';
import type { AccountEvent, EpochMs, InputIssue } from '../core/types.js';
import { openInput, type ReadSummary, readAccountEvents, splitLineRanges } from '../sources/ndjson/index.js';
import { LINE_ACCOUNT_EVENT, LINE_EXCHANGE, type LineBatch } from './partition.js';
import type { Pipeline, PipelineTick } from './pipeline.js';
import { partitionOf, scanLineKeys } from './route.js';

/** Progress of a replay, for a progress line. */
export interface ReplayProgress {
  lines: number;
  bytes: number;
  /** Latest event time seen. */
  eventTime: EpochMs | null;
  ticks: number;
}

/** What to replay and how. */
export interface ReplayOptions<R> {
  /** Exchange log: a path (NDJSON, optionally gzip) or '-' for stdin. */
  exchanges: string;
  /** Account event log (optional). */
  accounts?: string;
  tickMs: number;
  reorderMs: number;
  /** Lines longer than this are rejected unread (default 16 MiB). */
  maxLineBytes?: number;
  /** Called with each rejected record's issue, in input order within a tick. */
  onIssue?: (issue: InputIssue) => void;
  onProgress?: (progress: ReplayProgress) => void;
  /** Called after each tick of the global stage, in order. */
  onTick?: (tick: PipelineTick<R>) => void;
}

/** A record that arrived after its period had been ticked. */
export interface LateRecord {
  file: string;
  line: number;
  ts: EpochMs;
  /** How far behind the current period's start it was. */
  behindMs: number;
}

/** The outcome of a replay. */
export interface ReplaySummary {
  file: string;
  lines: number;
  bytes: number;
  exchanges: number;
  accountEvents: number;
  /** Exchange lines rejected (bad JSON, failed validation, too long). */
  rejected: number;
  accountsRead: ReadSummary | null;
  /** Records applied after their own tick (beyond the reorder window), and the first few. */
  late: number;
  maxLatenessMs: number;
  lateExamples: LateRecord[];
  ticks: number;
  firstTs: EpochMs | null;
  lastTs: EpochMs | null;
  accounts: number;
}

const FLUSH_BYTES = 1 << 20;
const FLUSH_LINES = 16_384;
/** Ticks sent but not yet finished by the global stage before reading pauses. */
const MAX_OUTSTANDING_TICKS = 2;

interface LineBuilder {
  bytes: Uint8Array;
  used: number;
  ends: Uint32Array;
  lines: Float64Array;
  kinds: Uint8Array;
  count: number;
}

/** A builder sized like the previous batch of its partition (batches are small when ticks are frequent). */
function newBuilder(lines = 256, bytes = 256 * 1024): LineBuilder {
  return {
    bytes: Buffer.allocUnsafeSlow(bytes),
    used: 0,
    ends: new Uint32Array(lines),
    lines: new Float64Array(lines),
    kinds: new Uint8Array(lines),
    count: 0,
  };
}

function growLines(b: LineBuilder): void {
  const size = Math.min(FLUSH_LINES, b.ends.length * 2);
  const ends = new Uint32Array(size);
  const lines = new Float64Array(size);
  const kinds = new Uint8Array(size);
  ends.set(b.ends);
  lines.set(b.lines);
  kinds.set(b.kinds);
  b.ends = ends;
  b.lines = lines;
  b.kinds = kinds;
}

interface Held {
  partition: number;
  bytes: Uint8Array;
  line: number;
  kind: number;
  ts: number;
}

/**
 * The account and time of a line the byte scan could not read, by parsing it (rare: escaped key
 * names, odd spacing); null/NaN when the line is not a record with both.
 */
function parsedKeys(buf: Buffer, start: number, end: number): { account: string | null; ts: number } {
  try {
    const value = JSON.parse(buf.toString('utf8', start, end)) as { account?: unknown; ts?: unknown };
    const ts =
      typeof value.ts === 'number'
        ? value.ts
        : typeof value.ts === 'string'
          ? parseRfc3339(value.ts)
          : Number.NaN;
    return { account: typeof value.account === 'string' ? value.account : null, ts };
  } catch {
    return { account: null, ts: Number.NaN };
  }
}

/** An operator error for an input that cannot be opened or read (missing file, permissions, bad gzip). */
function unreadable(path: string, error: unknown): Error {
  if (error instanceof OperatorError) return error;
  return new OperatorError(
    'input',
    `cannot read ${path === '-' ? 'stdin' : path}: ${(error as Error)?.message ?? String(error)}`,
  );
}

/** Replays the logs through the pipeline; resolves when every record is applied and the last tick ran. */
export async function replay<R>(pipeline: Pipeline<R>, options: ReplayOptions<R>): Promise<ReplaySummary> {
  const { tickMs, reorderMs } = options;
  if (!(tickMs > 0)) throw new OperatorError('config', 'tick interval must be positive');
  const n = pipeline.partitions;
  const file = options.exchanges === '-' ? '<stdin>' : options.exchanges;
  const maxLineBytes = options.maxLineBytes ?? 16 * 1024 * 1024;
  const summary: ReplaySummary = {
    file,
    lines: 0,
    bytes: 0,
    exchanges: 0,
    accountEvents: 0,
    rejected: 0,
    accountsRead: null,
    late: 0,
    maxLatenessMs: 0,
    lateExamples: [],
    ticks: 0,
    firstTs: null,
    lastTs: null,
    accounts: 0,
  };

  // Account events are few (a handful per account): read them whole, in event-time order.
  const events: AccountEvent[] = [];
  if (options.accounts !== undefined) {
    const reader = readAccountEvents(options.accounts, { onIssue: options.onIssue });
    try {
      for await (const batch of reader) for (const event of batch) events.push(event);
    } catch (error) {
      throw unreadable(options.accounts, error);
    }
    events.sort((a, b) => a.ts - b.ts);
    summary.accountsRead = reader.summary;
  }
  let nextEvent = 0;

  const builders = Array.from({ length: n }, () => newBuilder());
  const flush = (p: number) => {
    const b = builders[p];
    if (b.count === 0) return;
    const batch: LineBatch = {
      file,
      bytes: b.bytes.subarray(0, b.used),
      ends: b.ends.subarray(0, b.count),
      lines: b.lines.subarray(0, b.count),
      kinds: b.kinds.subarray(0, b.count),
      count: b.count,
    };
    builders[p] = newBuilder(
      Math.max(256, b.ends.length),
      Math.max(64 * 1024, Math.min(b.bytes.length, FLUSH_BYTES + (FLUSH_BYTES >> 2))),
    );
    pipeline.ingestLines(p, batch);
  };
  const route = (p: number, src: Uint8Array, start: number, end: number, line: number, kind: number) => {
    let b = builders[p];
    const length = end - start;
    if (b.used + length > b.bytes.length) {
      if (b.used + length <= FLUSH_BYTES + (FLUSH_BYTES >> 2)) {
        const bytes = Buffer.allocUnsafeSlow(
          Math.min(FLUSH_BYTES + (FLUSH_BYTES >> 2), Math.max(b.bytes.length * 2, b.used + length)),
        );
        bytes.set(b.bytes.subarray(0, b.used));
        b.bytes = bytes;
      } else {
        if (b.count > 0) flush(p);
        b = builders[p];
        if (length > b.bytes.length) b.bytes = Buffer.allocUnsafeSlow(length);
      }
    }
    if (b.count === b.ends.length) growLines(b);
    b.bytes.set(start === 0 && end === src.length ? src : src.subarray(start, end), b.used);
    b.used += length;
    b.ends[b.count] = b.used;
    b.lines[b.count] = line;
    b.kinds[b.count] = kind;
    b.count++;
    routedSinceTick++;
    if (b.count === FLUSH_LINES || b.used >= FLUSH_BYTES) flush(p);
  };

  // Event-time clock: the current period ends at `boundary`; `watermark` is the latest time seen.
  let boundary: number | null = null;
  let watermark = Number.NEGATIVE_INFINITY;
  let routedSinceTick = 0;
  let held: Held[] = [];
  const outstanding: Promise<unknown>[] = [];
  const periodEnd = (ts: number) => Math.floor(ts / tickMs) * tickMs + tickMs;

  const fireTick = (at: number, last = false) => {
    for (let p = 0; p < n; p++) flush(p);
    routedSinceTick = 0;
    const done = pipeline.tick(at, { flush: last }).then((tick) => {
      summary.ticks++;
      options.onTick?.(tick);
      for (const issue of tick.issues) options.onIssue?.(issue);
    });
    outstanding.push(done);
  };

  const advance = () => {
    while (boundary !== null && watermark >= boundary + reorderMs) {
      if (routedSinceTick > 0) fireTick(boundary);
      let minHeld = Number.POSITIVE_INFINITY;
      for (const h of held) if (h.ts < minHeld) minHeld = h.ts;
      boundary = Math.max(
        boundary + tickMs,
        Number.isFinite(minHeld) ? periodEnd(minHeld) : boundary + tickMs,
      );
      const keep: Held[] = [];
      for (const h of held) {
        if (h.ts < boundary) route(h.partition, h.bytes, 0, h.bytes.length, h.line, h.kind);
        else keep.push(h);
      }
      held = keep;
    }
  };

  const accept = (
    p: number,
    src: Uint8Array,
    start: number,
    end: number,
    line: number,
    kind: number,
    ts: number,
  ) => {
    if (boundary === null) boundary = periodEnd(ts);
    if (ts > watermark) watermark = ts;
    if (summary.firstTs === null || ts < summary.firstTs) summary.firstTs = ts;
    if (summary.lastTs === null || ts > summary.lastTs) summary.lastTs = ts;
    if (ts < boundary) {
      const periodStart = boundary - tickMs;
      if (ts < periodStart) {
        summary.late++;
        const behindMs = periodStart - ts;
        if (behindMs > summary.maxLatenessMs) summary.maxLatenessMs = behindMs;
        if (summary.lateExamples.length < 10)
          summary.lateExamples.push({
            file: kind === LINE_EXCHANGE ? file : '<account events>',
            line,
            ts,
            behindMs,
          });
      }
      route(p, src, start, end, line, kind);
    } else {
      held.push({ partition: p, bytes: Buffer.from(src.subarray(start, end)), line, kind, ts });
      if (ts >= boundary + reorderMs) advance();
    }
  };

  const releaseEventsUpTo = (ts: number) => {
    while (nextEvent < events.length && events[nextEvent].ts <= ts) {
      const event = events[nextEvent++];
      const bytes = Buffer.from(JSON.stringify(event));
      accept(partitionOf(event.account, n), bytes, 0, bytes.length, 0, LINE_ACCOUNT_EVENT, event.ts);
    }
  };

  const rejectTooLong = (line: number, bytes: number) => {
    summary.rejected++;
    options.onIssue?.({
      file,
      line,
      field: null,
      reason: `line is ${bytes} bytes, over the ${maxLineBytes}-byte limit`,
    });
  };

  const handleLine = (buf: Buffer, start: number, rawEnd: number, line: number) => {
    let end = rawEnd;
    if (end > start && buf[end - 1] === 0x0d) end--;
    let s = start;
    if (line === 1 && buf[s] === 0xef && buf[s + 1] === 0xbb && buf[s + 2] === 0xbf) s += 3;
    while (s < end && (buf[s] === 0x20 || buf[s] === 0x09)) s++;
    if (s >= end) return;
    let keys = scanLineKeys(buf, s, end);
    if (keys.account === null || !Number.isFinite(keys.ts)) keys = parsedKeys(buf, s, end);
    if (keys.account === null || !Number.isFinite(keys.ts)) {
      // The partition's full decode reports why (position and reason); it changes no clock.
      route(line % n, buf, s, end, line, LINE_EXCHANGE);
      return;
    }
    releaseEventsUpTo(keys.ts);
    accept(partitionOf(keys.account, n), buf, s, end, line, LINE_EXCHANGE, keys.ts);
  };

  const pace = async () => {
    while (outstanding.length > MAX_OUTSTANDING_TICKS) await outstanding.shift();
    await pipeline.drain();
  };

  const input = await openInput(options.exchanges).catch((error: unknown) => {
    throw unreadable(options.exchanges, error);
  });
  let line = 0;
  const chunks = (async function* () {
    try {
      for await (const chunk of input) {
        summary.bytes += chunk.length;
        yield chunk;
      }
    } catch (error) {
      throw unreadable(options.exchanges, error);
    }
  })();
  for await (const ranges of splitLineRanges(chunks, maxLineBytes)) {
    for (const range of ranges) {
      line = range.line;
      if (range.buf === null) rejectTooLong(range.line, range.bytes);
      else handleLine(range.buf, range.start, range.end, range.line);
    }
    summary.lines = line;
    options.onProgress?.({
      lines: line,
      bytes: summary.bytes,
      eventTime: Number.isFinite(watermark) ? watermark : null,
      ticks: summary.ticks,
    });
    await pace();
  }
  summary.lines = line;
  releaseEventsUpTo(Number.POSITIVE_INFINITY);

  // End of input: every held record lands in its period, then the last period is ticked.
  watermark = Number.POSITIVE_INFINITY;
  while (boundary !== null && held.length > 0) {
    if (routedSinceTick > 0) fireTick(boundary);
    let minHeld = Number.POSITIVE_INFINITY;
    for (const h of held) if (h.ts < minHeld) minHeld = h.ts;
    boundary = Math.max(boundary + tickMs, periodEnd(minHeld));
    const keep: Held[] = [];
    for (const h of held) {
      if (h.ts < boundary) route(h.partition, h.bytes, 0, h.bytes.length, h.line, h.kind);
      else keep.push(h);
    }
    held = keep;
  }
  // The last tick sends every account still holding unsent changes.
  fireTick(boundary ?? 0, true);
  await Promise.all(outstanding);

  const stats = pipeline.stats();
  summary.exchanges = stats.exchanges;
  summary.accountEvents = stats.accountEvents;
  summary.rejected += stats.rejected;
  summary.accounts = stats.accounts;
  return summary;
}
