/**
 * Cooperative pacing of bulk work on the HTTP thread. Parsing a batch, staging its rows into the
 * store and handing records to detection call `pace()` between small steps: once the current
 * slice has run for `SLICE_MS`, the caller waits for its turn, and turns are granted one per
 * event-loop iteration in FIFO order. However many batches are in flight, an inline request (a
 * risk lookup) then waits behind at most one slice, not behind one slice of every batch.
 */

/** Longest run of bulk work between two turns, in milliseconds. */
export const SLICE_MS = 1;

let sliceStart = performance.now();
const waiting: (() => void)[] = [];
let granting = false;

function grant(): void {
  const next = waiting.shift();
  if (waiting.length > 0) setImmediate(grant);
  else granting = false;
  sliceStart = performance.now();
  next?.();
}

/** Waits for the next turn (one is granted per event-loop iteration). */
export function turn(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    if (!granting) {
      granting = true;
      setImmediate(grant);
    }
  });
}

/** Undefined while the current slice has time left; else a promise of the next turn. */
export function pace(): Promise<void> | undefined {
  return performance.now() - sliceStart < SLICE_MS ? undefined : turn();
}
