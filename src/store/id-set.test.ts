import { describe, expect, it } from 'vitest';
import { createIdSet } from './id-set.js';

describe('id set', () => {
  it('remembers every id added across growth and knows unseen ids are absent', () => {
    const set = createIdSet(4);
    for (let i = 0; i < 50_000; i++) set.add(`ex-${i}`);
    set.add('ex-7');
    expect(set.size).toBe(50_000);
    for (let i = 0; i < 50_000; i++) expect(set.has(`ex-${i}`)).toBe(true);
    let falsePositives = 0;
    for (let i = 0; i < 50_000; i++) if (set.has(`other-${i}`)) falsePositives++;
    expect(falsePositives).toBe(0);
    expect(set.has('')).toBe(false);
  });
});
