import { describe, expect, it } from 'vitest';
import { parseSummary, summaryToWire } from '../core/summary-wire.js';
import type { Exchange } from '../core/types.js';
import { createPartition, type PerEventStages } from './partition.js';

const HOUR = 3_600_000;
const stages: PerEventStages = { fingerprint: () => null, net: () => null, client: () => null };
const ex = (account: string, i: number): Exchange => ({ id: `${account}-${i}`, ts: i * 1000, account });
const sentAt = (p: ReturnType<typeof createPartition>, now: number, flush = false) =>
  p.report(now, flush).changed.map((s) => `${s.account}:${s.exchanges}`);

describe('partition summary policy', () => {
  it('sends new accounts, 50% growth, identity changes, day-old changes, and everything on flush', () => {
    const p = createPartition(stages);
    p.applyExchanges([ex('a', 0), ex('a', 1), ex('b', 0)]);
    expect(sentAt(p, HOUR)).toEqual(['a:2', 'b:1']); // new accounts
    p.applyExchanges([ex('a', 2), ex('b', 1)]);
    expect(sentAt(p, 2 * HOUR)).toEqual(['a:3', 'b:2']); // +1 on 2 and on 1: both >= 50%
    p.applyExchanges([ex('a', 3)]);
    expect(sentAt(p, 3 * HOUR)).toEqual([]); // 3 -> 4 is under 50%: waits
    p.applyAccountEvents([{ ts: 4, account: 'b', kind: 'profile', declaredCountry: 'FR' }]);
    expect(sentAt(p, 4 * HOUR)).toEqual(['b:2']); // identity changed
    expect(sentAt(p, 2 * HOUR + 24 * HOUR)).toEqual(['a:4']); // a's pending change is a day old
    p.applyExchanges([ex('b', 2)]);
    expect(sentAt(p, 30 * HOUR, true)).toEqual(['b:3']); // flush
    expect(sentAt(p, 31 * HOUR, true)).toEqual([]); // nothing changed
  });

  it('sends every change with growth 0', () => {
    const p = createPartition(stages, undefined, { growth: 0, maxAgeMs: 0 });
    for (let i = 0; i < 5; i++) {
      p.applyExchanges([ex('a', i)]);
      expect(sentAt(p, i * HOUR)).toEqual([`a:${i + 1}`]);
    }
  });

  it('reports bad lines with position and goes on', () => {
    const p = createPartition(stages);
    const text = ['{"id":"1","ts":5,"account":"a"}', '{"id":"2","ts":5}', '{"id":'].join('');
    const lines = ['{"id":"1","ts":5,"account":"a"}', '{"id":"2","ts":5}', '{"id":'];
    const ends = new Uint32Array(lines.length);
    let at = 0;
    lines.forEach((l, i) => {
      at += Buffer.byteLength(l);
      ends[i] = at;
    });
    p.applyLines({
      file: 'f',
      bytes: Buffer.from(text),
      ends,
      lines: new Float64Array([7, 8, 9]),
      kinds: new Uint8Array(3),
      count: 3,
    });
    const report = p.report(HOUR);
    expect(report.counts).toEqual({ exchanges: 1, accountEvents: 0, rejected: 2 });
    expect(report.issues.map((i) => [i.file, i.line, i.field])).toEqual([
      ['f', 8, 'account'],
      ['f', 9, null],
    ]);
  });
});

describe('summaries across threads', () => {
  it('come back equal, key order included, with top-K counts sent as flat arrays', () => {
    const p = createPartition({
      fingerprint: () => null,
      net: (ip) =>
        ({
          prefix: `${ip}/24`,
          asn: ip.startsWith('10.') ? 16509 : 7922,
          country: 'US',
          class: 'hosting',
        }) as never,
      client: () => ({ kind: 'sdk' }),
    });
    const ips = ['10.0.0.1', '192.168.1.9', '10.0.0.1', '7.7.7.7'];
    p.applyExchanges(
      ips.map((ip, i) => ({ ...ex('a', i), ip, model: i % 2 ? 'm-2' : 'm-1', userAgent: 'ua' })),
    );
    p.applyExchanges([ex('b', 0)]);
    const summaries = p.report(HOUR).changed;
    expect(Object.keys(summaries[0].asns)).toEqual(['7922', '16509']); // integer-like keys first
    const wires = summaries.map(summaryToWire);
    expect(JSON.parse(wires[0]).ips).toEqual(['10.0.0.1', 2, '192.168.1.9', 1, '7.7.7.7', 1]);
    const back = wires.map(parseSummary);
    expect(JSON.stringify(back)).toBe(JSON.stringify(summaries));
    expect(back).toEqual(summaries);
    expect(Object.getPrototypeOf(back[0].ips)).toBe(Object.prototype);
  });
});
