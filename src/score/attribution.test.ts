import { describe, expect, it } from 'vitest';
import { type AttributionKind, attribute, type HeldValue } from './attribution.js';

/** A value the candidate's accounts hold: `mine` of them, `theirs` per campaign, `holders` in all. */
function held(
  kind: AttributionKind,
  mine: number,
  theirs: Record<string, number>,
  holders?: number,
): HeldValue {
  const others = Object.values(theirs).reduce((sum, n) => sum + n, 0);
  return { kind, mine, theirs: new Map(Object.entries(theirs)), holders: holders ?? mine + others };
}

/** `n` copies of a value. */
const times = (n: number, value: HeldValue) => Array.from({ length: n }, () => value);

describe('attribute', () => {
  it('links on infrastructure the two campaigns hold, with the templates they share as support', () => {
    const values = [
      ...times(3, held('prefixes', 4, { 'C-1': 6 })),
      ...times(2, held('templates', 20, { 'C-1': 30 })),
      held('templates', 20, {}, 40), // only this campaign's
    ];
    expect(attribute(values, ['C-1'])).toEqual({
      campaign: 'C-1',
      summary: 'same operator as C-1, via 3 shared IP prefixes and 2 shared templates',
      points: 7,
    });
  });

  it('never links on a phrasebook alone, however much of it is shared', () => {
    const values = [
      ...times(10, held('templates', 20, { 'C-1': 30 })),
      ...times(4, held('ja4s', 20, { 'C-1': 30 })),
    ];
    expect(attribute(values, ['C-1'])).toBeNull();
  });

  it('skips values held mostly outside the two campaigns: proxy pools, benign users, a third campaign', () => {
    const commodity = [
      ...times(8, held('prefixes', 3, { 'C-1': 3 }, 20)), // residential /24s: 6 of 20 holders
      ...times(5, held('templates', 20, { 'C-1': 10, 'C-2': 15 })), // three campaigns' phrasebook
    ];
    expect(attribute(commodity, ['C-1', 'C-2'])).toBeNull();
  });

  it('takes one exclusive shared instrument as evidence, but a habit needs two holders a side', () => {
    const card = held('payments', 1, { 'C-1': 1 });
    const templates = times(2, held('templates', 10, { 'C-1': 10 }));
    expect(attribute([card, ...templates], ['C-1'])?.summary).toBe(
      'same operator as C-1, via 1 shared payment instrument and 2 shared templates',
    );
    const prefixes = times(6, held('prefixes', 1, { 'C-1': 5 }));
    expect(attribute([...prefixes, ...templates], ['C-1'])).toBeNull();
  });

  it('counts templates only when they carry a tenth of what the accounts send', () => {
    const infrastructure = times(4, held('prefixes', 5, { 'C-1': 5 }));
    const rare = times(2, held('templates', 2, { 'C-1': 2 }));
    const own = times(10, held('templates', 10, {}, 10));
    const found = attribute([...infrastructure, ...rare, ...own], ['C-1']);
    expect(found).toBeNull(); // 4 points: the 2 shared templates carry 4 of 104 template holdings
    const used = times(2, held('templates', 8, { 'C-1': 2 }));
    expect(attribute([...infrastructure, ...used, ...own], ['C-1'])?.points).toBe(8);
  });

  it('links a campaign re-clustered out of an earlier one by the members carrying its flag', () => {
    expect(attribute([], ['C-1'], new Map([['C-1', 3]]), 4)?.summary).toBe(
      'same operator as C-1, via 3 of its 4 accounts first flagged with it',
    );
    expect(attribute([], ['C-1'], new Map([['C-1', 1]]), 1)).toBeNull(); // one account moved
    expect(attribute([], ['C-1'], new Map([['C-1', 2]]), 16)).toBeNull(); // two of sixteen moved
  });

  it('counts prefixes only when they carry a tenth of where the accounts connect from', () => {
    const sliver = times(5, held('prefixes', 2, { 'C-1': 2 })); // 10 of 200 holdings
    const own = times(19, held('prefixes', 10, {}, 10));
    const templates = times(3, held('templates', 10, { 'C-1': 10 }));
    expect(attribute([...sliver, ...own, ...templates], ['C-1'])).toBeNull();
    expect(attribute([...sliver, ...own.slice(0, 5), ...templates], ['C-1'])?.points).toBe(11);
  });

  it('picks the campaign with the most points, the oldest on a tie', () => {
    const values = [
      ...times(6, held('prefixes', 2, { 'C-1': 2, 'C-2': 3 }, 5)),
      ...times(2, held('devices', 1, { 'C-2': 1 })),
    ];
    expect(attribute(values, ['C-1', 'C-2'])?.campaign).toBe('C-2');
    const tie = times(6, held('prefixes', 2, { 'C-1': 2, 'C-2': 2 }, 4));
    expect(attribute(tie, ['C-2', 'C-1'])?.campaign).toBe('C-2');
  });
});
