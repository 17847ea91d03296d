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
import { createEventClock } from './clock.js';

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
