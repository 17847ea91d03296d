import { describe, expect, it } from 'vitest';
import { run } from '../test-support/run.js';
import { people, roundTheClock } from './fixture.js';
import { humanRhythm } from './human-rhythm.js';

describe('human-rhythm (benign-looking)', () => {
  it('fires on traffic with a night', () => {
    expect(run(humanRhythm, people).value).toBeGreaterThan(0.9);
  });
  it('does not pass a round-the-clock fleet as human', () => {
    expect(run(humanRhythm, roundTheClock).value).toBe(0);
  });
});
