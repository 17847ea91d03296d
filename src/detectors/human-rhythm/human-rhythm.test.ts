import { describe, expect, it } from 'vitest';
import { run } from '../test-support/run.js';
import { people, roundTheClock, startedToday, startedYesterday } from './fixture.js';
import { humanRhythm } from './human-rhythm.js';

describe('human-rhythm (benign-looking)', () => {
  it('fires on traffic with a night', () => {
    expect(run(humanRhythm, people).value).toBeGreaterThan(0.9);
  });
  it('does not pass a round-the-clock fleet as human', () => {
    expect(run(humanRhythm, roundTheClock).value).toBe(0);
  });
  it('does not read the hours a fleet has not lived through yet as its night', () => {
    const today = run(humanRhythm, startedToday);
    expect(today.value).toBe(0);
    expect(today.summary).toMatch(/under a day of traffic/);
    expect(run(humanRhythm, startedYesterday).value).toBe(0);
  });
});
