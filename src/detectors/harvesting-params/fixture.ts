/** Fixture: n/logprobs and seed sweeps versus benchmark runners at temperature 0 with one seed. */
import { makeMany } from '../fixture-kit.js';

export const suspicious = makeMany('op', 5, () => ({
  exchanges: 100,
  sampling: {
    multiN: 40,
    logprobs: 60,
    temperatureZero: 0,
    seeded: 100,
    temperatures: [0.3, 0.7, 1, 1.2],
    seeds: 80,
  },
}));
export const benignLookAlike = makeMany('bench', 5, () => ({
  exchanges: 100,
  sampling: { multiN: 0, logprobs: 0, temperatureZero: 100, seeded: 100, temperatures: [0], seeds: 1 },
}));
export const gentleFleet = makeMany('slow', 5, (i) => ({
  exchanges: 100,
  sampling: {
    multiN: 3,
    logprobs: 2,
    temperatureZero: 0,
    seeded: 5,
    temperatures: [0.2, 0.4, 1],
    seeds: 5 + i,
  },
}));
export const casualUsers = makeMany('user', 5, () => ({
  exchanges: 50,
  sampling: { multiN: 0, logprobs: 0, temperatureZero: 0, seeded: 0, temperatures: [1], seeds: 0 },
}));
