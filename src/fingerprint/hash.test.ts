import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../core/random.js';
import { hex32, hex64 } from './hash.js';

describe('hex64', () => {
  it('spells two 32-bit values as hex32(hi) + hex32(lo), negative and zero included', () => {
    const random = mulberry32(5);
    const values = [0, 1, -1, 0x7fffffff, -0x80000000, 0x0badf00d];
    for (let i = 0; i < 200; i++) values.push((random() * 2 ** 32) | 0);
    for (const hi of values.slice(0, 40))
      for (const lo of values) expect(hex64(hi, lo)).toBe(hex32(hi) + hex32(lo));
  });
});
