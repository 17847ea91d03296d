import { describe, expect, it } from 'vitest';
import { createExposureCounter } from '../../eval/exposure.js';
import { flagTimes, scoreResult } from '../../eval/score.js';
import { campaigns, exchanges, labels, verdicts } from '../../eval/test-support/fixture.js';
import { renderScore } from './eval.js';

describe('renderScore', () => {
  it('prints the account, persona, campaign and purity tables of a score', () => {
    const counter = createExposureCounter(labels, flagTimes(verdicts));
    counter.add(exchanges);
    const text = renderScore(scoreResult(labels, { campaigns, verdicts }, counter.tally));
    expect(text).toMatch(/precision\s+0\.571/);
    expect(text).toMatch(/benign false-positive rate\s+0\.5000/);
    expect(text).toMatch(/university\s+2\s+2\s+1\.0000/);
    expect(text).toMatch(/C1\s+blatant\s+4\s+3\s+0\.750\s+yes\s+2\.0\s+6\.0\s+n\/a\s+0\.667/);
    expect(text).toMatch(/C3\s+residential-proxy\s+1\s+0\s+0\.000\s+no\s+never\s+never\s+n\/a\s+-/);
    expect(text).toMatch(/served before the flag: 6 of 8 \(0\.750\)/);
    expect(text).toMatch(/R1\s+4\s+C1\s+3\s+1\s+0\s+0\.750/);
    expect(text).toMatch(/warning: 1 account\(s\) in verdicts\.ndjson are not in the labels/);
  });
});
