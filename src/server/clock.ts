/**
 * The live service's event-time clock: decides when the pipeline's global stage ticks, with the
 * same rules as batch replay (src/pipeline/replay.ts), so a log sent over HTTP produces the same
 * ticks as `scan` on the same log:
 * - ticks fire at every `tickMs` boundary of event time, skipping periods without records;
 * - a record with `ts >= B` is held back until the tick at B was sent, and that tick fires only
 *   once a record at `B + reorderMs` was seen (mild disorder lands in its own period);
 * - account events are merged in by event time: one is applied when an exchange at or after its
 *   time arrives (or at a flush);
 * - `flush()` is replay's end of input: everything held is applied and the last period ticked
 *   with `flush` (every account with unsent changes goes to the global stage).
 *   The service flushes on its wall-clock timer, so detection is never more than one timer
 *   interval behind live traffic.
 * Late records (before the current period) are applied in the current period, never dropped.
 */
import type { AccountEvent, EpochMs, Exchange } from '../core/types.js';
import { pace } from '../store/pace.js';
import { storedExchange } from '../store/stored.js';
import { columnText, type ExchangeColumns } from '../store/types.js';

/** Most records handed to the pipeline at once. */
const SLICE = 128;

/** Where the clock sends records and ticks (the pipeline's shape). */
export interface ClockSink {
  ingestExchanges(batch: readonly Exchange[]): void;
  /**
   * Rows of exchange columns, by index (preferred: the sink can take the columns' text buffer
   * once for all the runs of a batch). The clock hands over every row of a batch during the
   * `addExchangeRows` call that brought it, then calls `releaseRows`.
   */
  ingestExchangeRows?(batch: ExchangeColumns, rows: number[]): void;
  /** The clock will hand over no more rows of `batch`. */
  releaseRows?(batch: ExchangeColumns): void;
  /** Exchanges as their JSON texts, newline-joined UTF-8 (with their accounts). */
  ingestExchangeLines?(bytes: Uint8Array, accounts: string[]): void;
  /** The same as strings; without either, the clock decodes the texts itself. */
  ingestExchangeTexts?(texts: string[], accounts: string[]): void;
  ingestAccountEvents(batch: readonly AccountEvent[]): void;
  /** Called in order; the clock awaits each before sending more. `flush` sends every changed account. */
  tick(now: EpochMs, flush: boolean): Promise<void>;
}

/**
 * A record the clock holds: an exchange (decoded, as JSON text, or as row `index` of exchange
 * columns, whose bytes are passed on without becoming a string) or an account event.
 */
export type Item =
  | { kind: 'x'; record: Exchange }
  | { kind: 't'; text: string; account: string }
  | { kind: 'l'; batch: ExchangeColumns; index: number }
  | { kind: 'a'; record: AccountEvent };

/** A record kept in a snapshot: rows of columns become texts (plain data of their own). */
export type HeldItem = Exclude<Item, { kind: 'l' }>;

/** The event-time clock (see the file comment). */
export interface EventClock {
  /** Adds account events (applied once exchanges reach their time, or at a flush). */
  addAccountEvents(events: readonly AccountEvent[]): Promise<void>;
  /** Adds exchanges in arrival order, firing the ticks they complete. */
  addExchanges(exchanges: readonly Exchange[]): Promise<void>;
  /** The same for exchanges as JSON texts, with their event times and accounts. */
  addExchangeTexts(
    ts: readonly number[],
    accounts: readonly string[],
    texts: readonly string[],
  ): Promise<void>;
  /** The same for rows `rows` (in order) of exchange columns. */
  addExchangeRows(batch: ExchangeColumns, rows: readonly number[]): Promise<void>;
  /** Applies everything held and ticks the current period when it has new records. */
  flush(): Promise<void>;
  /** Latest event time seen, or null. */
  watermark(): EpochMs | null;
  /** Records applied since the last tick (0 means a flush would not tick). */
  pending(): number;
  /** The clock's state as plain data (records held back included), for a snapshot. */
  exportState(): ClockState;
  /** Restores an exported state into a clock that has not been fed yet. */
  importState(state: ClockState): void;
}

/** Exported state of the clock (see `EventClock.exportState`). */
export interface ClockState {
  boundary: number | null;
  watermark: number;
  routedSinceTick: number;
  dirtySinceFlush: boolean;
  held: { item: HeldItem; ts: number }[];
  events: AccountEvent[];
}

const encoder = new TextEncoder();

/** Byte range of text `index` in exchange columns. */
function rangeOf(batch: ExchangeColumns, index: number): [number, number] {
  return [index === 0 ? 0 : batch.ends[index - 1] + 1, batch.ends[index]];
}

/**
 * The texts of a run of text items as one newline-joined UTF-8 buffer of its own: consecutive
 * rows of the same columns are copied as one byte range.
 */
export function joinLines(run: readonly Item[]): Uint8Array {
  let size = Math.max(0, run.length - 1);
  for (const item of run) {
    if (item.kind === 'l') {
      const [start, end] = rangeOf(item.batch, item.index);
      size += end - start;
    } else if (item.kind === 't') size += Buffer.byteLength(item.text);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (let k = 0; k < run.length; ) {
    const item = run[k];
    if (k > 0) out[at++] = 0x0a;
    if (item.kind === 'l') {
      let last = k;
      for (;;) {
        const next = run[last + 1];
        if (
          next?.kind !== 'l' ||
          next.batch !== item.batch ||
          next.index !== (run[last] as typeof item).index + 1
        )
          break;
        last++;
      }
      const start = rangeOf(item.batch, item.index)[0];
      const end = item.batch.ends[(run[last] as typeof item).index];
      out.set(item.batch.lines.subarray(start, end), at);
      at += end - start;
      k = last + 1;
    } else {
      if (item.kind === 't') at += encoder.encodeInto(item.text, out.subarray(at)).written;
      k++;
    }
  }
  return out;
}

const textOf = (item: Item): string =>
  item.kind === 'l' ? columnText(item.batch, item.index) : (item as { text: string }).text;
const accountOf = (item: Item): string =>
  item.kind === 'l' ? item.batch.accounts[item.index] : (item as { account: string }).account;
/** The columns a row item comes from (undefined for other items). */
const batchOf = (item: Item): ExchangeColumns | undefined => (item.kind === 'l' ? item.batch : undefined);
/** An item that holds no columns: a row becomes its text. */
const plainItem = (item: Item): HeldItem =>
  item.kind === 'l' ? { kind: 't', text: textOf(item), account: accountOf(item) } : item;
/** Items of the same run are handed over together ('t' and 'l' are both texts). */
const runKind = (item: Item) => (item.kind === 'l' ? 't' : item.kind);

/** Creates a clock over a sink with the pipeline's tick interval and reorder window. */
export function createEventClock(sink: ClockSink, tickMs: number, reorderMs: number): EventClock {
  let boundary: number | null = null;
  let watermark = Number.NEGATIVE_INFINITY;
  let routedSinceTick = 0;
  let held: { item: Item; ts: number }[] = [];
  let events: AccountEvent[] = [];
  let eventsSorted = true;
  let out: Item[] = [];
  const periodEnd = (ts: number) => Math.floor(ts / tickMs) * tickMs + tickMs;

  const send = () => {
    let start = 0;
    for (let i = 1; i <= out.length; i++) {
      if (i < out.length && runKind(out[i]) === runKind(out[start])) continue;
      const run = out.slice(start, i);
      const kind = runKind(run[0]);
      if (kind === 'x') sink.ingestExchanges(run.map((item) => (item as { record: Exchange }).record));
      else if (kind === 'a')
        sink.ingestAccountEvents(run.map((item) => (item as { record: AccountEvent }).record));
      else if (
        sink.ingestExchangeRows &&
        batchOf(run[0]) !== undefined &&
        run.every((item) => batchOf(item) === batchOf(run[0]))
      )
        sink.ingestExchangeRows(
          batchOf(run[0])!,
          run.map((item) => (item as { index: number }).index),
        );
      else if (sink.ingestExchangeLines) sink.ingestExchangeLines(joinLines(run), run.map(accountOf));
      else if (sink.ingestExchangeTexts) sink.ingestExchangeTexts(run.map(textOf), run.map(accountOf));
      else sink.ingestExchanges(run.map((item, index) => storedExchange(textOf(item), index)));
      start = i;
    }
    out = [];
  };
  const route = (item: Item) => {
    out.push(item);
    routedSinceTick++;
    dirtySinceFlush = true;
  };
  let dirtySinceFlush = false;
  const fireTick = async (at: number, flush = false) => {
    send();
    routedSinceTick = 0;
    if (flush) dirtySinceFlush = false;
    await sink.tick(at, flush);
  };
  const releaseHeldBefore = (limit: number) => {
    const keep: typeof held = [];
    for (const h of held) {
      if (h.ts < limit) route(h.item);
      else keep.push(h);
    }
    held = keep;
  };
  const nextBoundary = (current: number) => {
    let minHeld = Number.POSITIVE_INFINITY;
    for (const h of held) if (h.ts < minHeld) minHeld = h.ts;
    return Math.max(current + tickMs, Number.isFinite(minHeld) ? periodEnd(minHeld) : current + tickMs);
  };
  const advance = async () => {
    while (boundary !== null && watermark >= boundary + reorderMs) {
      if (routedSinceTick > 0) await fireTick(boundary);
      boundary = nextBoundary(boundary);
      releaseHeldBefore(boundary);
    }
  };
  /** Takes one record; returns a promise only when it completes periods that must tick first. */
  const accept = (item: Item, ts: number): Promise<void> | undefined => {
    if (boundary === null) boundary = periodEnd(ts);
    if (ts > watermark) watermark = ts;
    if (ts < boundary) route(item);
    else {
      // Held records outlive the call that brought their columns: they keep their text only.
      held.push({ item: plainItem(item), ts });
      if (ts >= boundary + reorderMs) return advance();
    }
    return undefined;
  };
  const releaseEventsUpTo = async (ts: number) => {
    if (events.length === 0 || (eventsSorted && events[0].ts > ts)) return;
    if (!eventsSorted) {
      events.sort((a, b) => a.ts - b.ts);
      eventsSorted = true;
    }
    let taken = 0;
    while (taken < events.length && events[taken].ts <= ts) {
      const event = events[taken++];
      const ticking = accept({ kind: 'a', record: event }, event.ts);
      if (ticking) await ticking;
    }
    if (taken > 0) events = events.slice(taken);
  };

  /** Takes `count` exchanges in arrival order, handing them over in paced slices. */
  const addAll = async (count: number, tsAt: (i: number) => number, itemAt: (i: number) => Item) => {
    for (let i = 0; i < count; i++) {
      const ts = tsAt(i);
      if (events.length > 0) await releaseEventsUpTo(ts);
      const ticking = accept(itemAt(i), ts);
      if (ticking) await ticking;
      // Hand records over in slices, and let inline requests run between slices (in-process
      // per-event stages run inside `send`).
      if (i % SLICE === SLICE - 1) send();
      const wait = pace();
      if (wait) {
        send();
        await wait;
      }
    }
    send();
  };

  return {
    async addAccountEvents(batch) {
      for (const event of batch) {
        if (events.length > 0 && event.ts < events[events.length - 1].ts) eventsSorted = false;
        events.push(event);
      }
    },
    addExchanges: (batch) =>
      addAll(
        batch.length,
        (i) => batch[i].ts,
        (i) => ({ kind: 'x', record: batch[i] }),
      ),
    addExchangeTexts: (ts, accounts, texts) =>
      addAll(
        ts.length,
        (i) => ts[i],
        (i) => ({ kind: 't', text: texts[i], account: accounts[i] }),
      ),
    async addExchangeRows(batch, rows) {
      try {
        await addAll(
          rows.length,
          (i) => batch.ts[rows[i]],
          (i) => ({ kind: 'l', batch, index: rows[i] }),
        );
      } finally {
        sink.releaseRows?.(batch);
      }
    },
    async flush() {
      await releaseEventsUpTo(Number.POSITIVE_INFINITY);
      while (boundary !== null && held.length > 0) {
        if (routedSinceTick > 0) await fireTick(boundary);
        boundary = nextBoundary(boundary);
        releaseHeldBefore(boundary);
      }
      // The last tick sends every account still holding unsent changes (skipped when nothing
      // arrived since the previous flush: the live timer calls this every interval).
      if (boundary !== null && dirtySinceFlush) await fireTick(boundary, true);
      send();
    },
    watermark: () => (Number.isFinite(watermark) ? watermark : null),
    pending: () => routedSinceTick + held.length + events.length,
    exportState() {
      send();
      return {
        boundary,
        watermark,
        routedSinceTick,
        dirtySinceFlush,
        held: held.map(({ item, ts }) => ({ item: plainItem(item), ts })),
        events: [...events],
      };
    },
    importState(state) {
      boundary = state.boundary;
      watermark = state.watermark;
      routedSinceTick = state.routedSinceTick;
      dirtySinceFlush = state.dirtySinceFlush;
      held = [...state.held];
      events = [...state.events];
      eventsSorted = false;
    },
  };
}
