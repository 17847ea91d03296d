import { describe, expect, it } from 'vitest';
import { type CalibrationRow, fitLogistic } from './calibrate.js';

describe('fitLogistic', () => {
  it('recovers the direction and rough size of known weights', () => {
    const rows: CalibrationRow[] = [];
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let i = 0; i < 3000; i++) {
      const x = [rand(), rand(), rand()];
      const z = -2 + 5 * x[0] - 3 * x[1];
      rows.push({ x, y: rand() < 1 / (1 + Math.exp(-z)) ? 1 : 0 });
    }
    const fit = fitLogistic(rows, 0.01);
    expect(fit.weights[0]).toBeGreaterThan(3.5);
    expect(fit.weights[1]).toBeLessThan(-2);
    expect(Math.abs(fit.weights[2])).toBeLessThan(0.8);
    expect(fit.bias).toBeLessThan(-1);
  });

  it('keeps weights finite on separable data thanks to the penalty', () => {
    const rows: CalibrationRow[] = [
      { x: [1], y: 1 },
      { x: [0], y: 0 },
    ];
    const fit = fitLogistic(rows, 1);
    expect(Number.isFinite(fit.weights[0])).toBe(true);
    expect(fit.weights[0]).toBeGreaterThan(0);
  });

  it('pulls weights towards a prior instead of zero', () => {
    const rows: CalibrationRow[] = [
      { x: [1], y: 0.5 },
      { x: [0], y: 0.5 },
    ];
    expect(fitLogistic(rows, 10, [3]).weights[0]).toBeGreaterThan(2);
    expect(Math.abs(fitLogistic(rows, 10).weights[0])).toBeLessThan(0.1);
  });

  it('keeps a weight on its documented side', () => {
    const rows: CalibrationRow[] = [
      { x: [1], y: 0 },
      { x: [0], y: 1 },
    ];
    expect(fitLogistic(rows, 0.1, undefined, { signs: [1] }).weights[0]).toBe(0);
    expect(fitLogistic(rows, 0.1).weights[0]).toBeLessThan(0);
  });

  it('caps the bias so that no evidence means a low score', () => {
    const rows: CalibrationRow[] = [
      { x: [0], y: 0.9 },
      { x: [1], y: 1 },
    ];
    expect(fitLogistic(rows, 1, undefined, { maxBias: -3 }).bias).toBe(-3);
  });

  it('accepts fractional targets and row weights', () => {
    const fit = fitLogistic(
      [
        { x: [1], y: 0.9, w: 10 },
        { x: [0], y: 0.1, w: 10 },
      ],
      0.001,
    );
    expect(1 / (1 + Math.exp(-(fit.bias + fit.weights[0])))).toBeCloseTo(0.9, 1);
  });
});
