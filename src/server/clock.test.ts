/**
 * The live clock must tick exactly like scan's replay: same ticks, same records in each, for a
 * log with disorder inside and beyond the reorder window, quiet gaps longer than a period, and
 * account events merged in by time. Both drive a real pipeline with a recording global stage.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AccountEvent, Exchange } from '../core/types.js';
import { createPipeline } from '../pipeline/pipeline.js';
import { replay } from '../pipeline/replay.js';
import { recordingEngine } from '../pipeline/test-support/recording-engine.js';
import { columnText, type ExchangeColumns, linesOf } from '../store/types.js';
import { type ClockSink, createEventClock } from './clock.js';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-05-01T00:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'dw-clock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A deterministic log: 3 accounts over ~30 hours, with late records and a 6-hour silence. */
function log(): { exchanges: Exchange[]; events: AccountEvent[] } {
  const exchanges: Exchange[] = [];
  let ts = T0;
  for (let i = 0; i < 400; i++) {
    ts += i === 200 ? 6 * HOUR : 250_000 + ((i * 7919) % 120_000);
    let at = ts;
    if (i % 37 === 5) at = ts - 4 * 60_000; // late, inside the 5-minute window
    if (i % 53 === 7) at = ts - 2 * HOUR; // late beyond it
    exchanges.push({ id: `x${i}`, ts: at, account: `acct-${i % 3}`, prompt: `task ${i % 11}` });
  }
  const events: AccountEvent[] = [
    { ts: T0 - HOUR, account: 'acct-0', kind: 'signup', declaredCountry: 'US' },
    { ts: T0 + 5 * HOUR, account: 'acct-1', kind: 'signup', declaredCountry: 'FR' },
    { ts: T0 + 12 * HOUR, account: 'acct-2', kind: 'payment', paymentFingerprint: 'p1' },
    { ts: T0 + 12 * HOUR, account: 'acct-0', kind: 'payment', paymentFingerprint: 'p1' },
    { ts: T0 + 90 * HOUR, account: 'acct-1', kind: 'ban' },
  ];
  return { exchanges, events };
}

const shape = (
  ticks: {
    now: number;
    summaries: { account: string; exchanges: number; identity: { declaredCountry: string | null } }[];
  }[],
) =>
  ticks.map((tick) => ({
    now: tick.now,
    changed: tick.summaries.map((s) => `${s.account}:${s.exchanges}:${s.identity.declaredCountry}`),
  }));

describe('event-time clock', () => {
  it('ticks like replay', async () => {
    const { exchanges, events } = log();
    const config = { workers: 0, tickMs: HOUR, reorderMs: 5 * 60_000 };
    writeFileSync(join(dir, 'x.ndjson'), exchanges.map((x) => JSON.stringify(x)).join('\n'));
    writeFileSync(join(dir, 'a.ndjson'), events.map((e) => JSON.stringify(e)).join('\n'));
    const replayed = recordingEngine(50);
    const pipelineA = createPipeline(config, { engine: replayed });
    await replay(pipelineA, {
      exchanges: join(dir, 'x.ndjson'),
      accounts: join(dir, 'a.ndjson'),
      tickMs: HOUR,
      reorderMs: config.reorderMs,
    });
    await pipelineA.close();

    const live = recordingEngine(50);
    const pipelineB = createPipeline(config, { engine: live });
    const clock = createEventClock(
      {
        ingestExchanges: (batch) => pipelineB.ingestExchanges(batch),
        ingestAccountEvents: (batch) => pipelineB.ingestAccountEvents(batch),
        tick: async (now, flush) => {
          await pipelineB.tick(now, { flush });
        },
      },
      HOUR,
      config.reorderMs,
    );
    await clock.addAccountEvents(events.slice(0, 3));
    for (let i = 0; i < exchanges.length; i += 64) {
      if (i === 64) await clock.addAccountEvents(events.slice(3)); // arrive before their time comes
      await clock.addExchanges(exchanges.slice(i, i + 64));
    }
    await clock.flush();
    await clock.flush(); // nothing new: no second flush tick
    await pipelineB.close();

    expect(replayed.ticks.length).toBeGreaterThan(20);
    expect(shape(live.ticks)).toEqual(shape(replayed.ticks));
    expect(live.verdicts()).toEqual(replayed.verdicts());
    expect(clock.watermark()).toBe(Math.max(...exchanges.map((x) => x.ts), ...events.map((e) => e.ts)));
  });
});

describe('event-time clock on rows of exchange columns', () => {
  /** A sink that writes down what it is handed, in order: exchange ids (checked against their accounts) and ticks. */
  const recorder = (seen: string[]): ClockSink => ({
    ingestExchanges: (batch) => void seen.push(...batch.map((x) => `x:${x.id}`)),
    ingestExchangeLines(bytes, accounts) {
      const texts = Buffer.from(bytes).toString('utf8').split('\n');
      expect(texts).toHaveLength(accounts.length);
      texts.forEach((text, i) => {
        const record = JSON.parse(text) as Exchange;
        expect(record.account).toBe(accounts[i]);
        seen.push(`x:${record.id}`);
      });
    },
    ingestAccountEvents: (batch) => void seen.push(...batch.map((e) => `a:${e.account}:${e.kind}`)),
    tick: async (now, flush) => void seen.push(`tick:${now}:${flush}`),
  });
  /** The log as columns of `size` rows, and the rows that count as new (every ninth is a duplicate). */
  const batches = (size = 64) => {
    const { exchanges } = log();
    const out: { columns: ReturnType<typeof toColumns>; rows: number[] }[] = [];
    const toColumns = (part: Exchange[]) => ({
      ids: part.map((x) => x.id),
      ts: part.map((x) => x.ts),
      accounts: part.map((x) => x.account),
      ...linesOf(part.map((x) => JSON.stringify(x))),
    });
    for (let i = 0; i < exchanges.length; i += size) {
      const part = exchanges.slice(i, i + size);
      out.push({ columns: toColumns(part), rows: part.map((_, k) => k).filter((k) => (i + k) % 9 !== 4) });
    }
    return out;
  };

  it('hands over the same records and ticks as decoded exchanges, as byte ranges', async () => {
    const { events } = log();
    const expected: string[] = [];
    const decoded = createEventClock(recorder(expected), HOUR, 5 * 60_000);
    await decoded.addAccountEvents(events);
    for (const { columns, rows } of batches())
      await decoded.addExchanges(
        rows.map((k) => JSON.parse(Buffer.from(columns.lines).toString().split('\n')[k])),
      );
    await decoded.flush();

    const seen: string[] = [];
    const clock = createEventClock(recorder(seen), HOUR, 5 * 60_000);
    await clock.addAccountEvents(events);
    for (const { columns, rows } of batches()) await clock.addExchangeRows(columns, rows);
    await clock.flush();
    expect(expected.filter((entry) => entry.startsWith('tick')).length).toBeGreaterThan(20);
    expect(seen).toEqual(expected);
  });

  it('hands rows by index to a sink that takes them so, and releases each batch after its last rows', async () => {
    const { events } = log();
    const expected: string[] = [];
    const reference = createEventClock(recorder(expected), HOUR, 5 * 60_000);
    await reference.addAccountEvents(events);
    for (const { columns, rows } of batches(37)) await reference.addExchangeRows(columns, rows);
    await reference.flush();

    const seen: string[] = [];
    const released = new Set<ExchangeColumns>();
    let byIndex = 0;
    const sink: ClockSink = {
      ...recorder(seen),
      ingestExchangeRows(batch, rows) {
        expect(released.has(batch)).toBe(false);
        byIndex += rows.length;
        for (const row of rows) seen.push(`x:${(JSON.parse(columnText(batch, row)) as Exchange).id}`);
      },
      releaseRows(batch) {
        expect(released.has(batch)).toBe(false);
        released.add(batch);
      },
    };
    const clock = createEventClock(sink, HOUR, 5 * 60_000);
    await clock.addAccountEvents(events);
    const all = batches(37);
    for (const { columns, rows } of all) await clock.addExchangeRows(columns, rows);
    await clock.flush();
    expect(seen).toEqual(expected);
    expect(released.size).toBe(all.length);
    // Most rows go by index; the ones held past their batch's call go as texts.
    expect(byIndex).toBeGreaterThan(0);
    expect(byIndex).toBeLessThan(seen.filter((entry) => entry.startsWith('x:')).length);
  });

  it('exports the rows it holds as plain texts, and a clock restored from them goes on the same', async () => {
    const { events } = log();
    const all = batches(5);
    const expected: string[] = [];
    const whole = createEventClock(recorder(expected), HOUR, 5 * 60_000);
    await whole.addAccountEvents(events);
    for (const { columns, rows } of all) await whole.addExchangeRows(columns, rows);
    await whole.flush();

    // Cut where the first clock holds records back (inside a reorder window).
    let seen: string[] = [];
    let state: ReturnType<ReturnType<typeof createEventClock>['exportState']> | null = null;
    let cut = 1;
    for (; cut < all.length && state === null; cut++) {
      seen = [];
      const first = createEventClock(recorder(seen), HOUR, 5 * 60_000);
      await first.addAccountEvents(events);
      for (const { columns, rows } of all.slice(0, cut)) await first.addExchangeRows(columns, rows);
      const exported = structuredClone(first.exportState());
      if (exported.held.length > 0) state = exported;
    }
    if (state === null) throw new Error('the log never leaves records held at a batch boundary');
    expect(state.held.every(({ item }) => item.kind === 't')).toBe(true);
    const second = createEventClock(recorder(seen), HOUR, 5 * 60_000);
    second.importState(state);
    for (const { columns, rows } of all.slice(cut - 1)) await second.addExchangeRows(columns, rows);
    await second.flush();
    expect(seen).toEqual(expected);
  });
});
