import { describe, expect, it } from 'vitest';
import { OperatorError } from '../core/errors.js';
import { createProgress, progressEvery } from './progress.js';

/** A stream that keeps what is written to it. */
function sink(isTTY: boolean) {
  const written: string[] = [];
  return { written, stream: { isTTY, columns: 40, write: (text: string) => written.push(text) > 0 } };
}

describe('progress', () => {
  it('stays quiet off a terminal unless asked, then logs whole lines at most every interval', () => {
    let clock = 0;
    const quiet = sink(false);
    const silent = createProgress(quiet.stream, { now: () => clock });
    for (clock = 0; clock < 5000; clock += 100) silent.update(() => `at ${clock}`);
    silent.done('finished');
    expect(quiet.written).toEqual([]);

    const log = sink(false);
    clock = 0;
    const progress = createProgress(log.stream, { logEveryMs: 1000, now: () => clock });
    for (clock = 100; clock <= 3500; clock += 100) progress.update(() => `at ${clock}`);
    progress.done('finished');
    expect(log.written).toEqual(['at 1000\n', 'at 2000\n', 'at 3000\n', 'finished\n']);
  });

  it('redraws one line on a terminal, cut to its width', () => {
    let clock = 1000;
    const tty = sink(true);
    const progress = createProgress(tty.stream, { logEveryMs: 60_000, now: () => clock });
    progress.update(() => 'x'.repeat(100));
    clock += 100;
    progress.update(() => 'too soon');
    clock += 200;
    progress.update(() => 'later');
    progress.done();
    expect(tty.written).toEqual([`\r\x1b[K${'x'.repeat(39)}`, '\r\x1b[Klater', '\r\x1b[K']);
  });

  it('reads --progress-every as seconds and refuses what is not one', () => {
    expect(progressEvery(undefined)).toEqual({});
    expect(progressEvery('30')).toEqual({ logEveryMs: 30_000 });
    expect(progressEvery('0.5')).toEqual({ logEveryMs: 500 });
    for (const bad of ['', '-1', 'soon', 'NaN']) expect(() => progressEvery(bad)).toThrow(OperatorError);
  });
});
