/**
 * Short lists grown without V8's slack. `push` grows an array's store to 1.5x + 16 slots, so
 * millions of short lists (an account's counters, the holders of a key most accounts never
 * share) would hold mostly empty slots: at scale 1 that was gigabytes.
 */

/** Lists shorter than this grow by exact copies; longer ones by `push`, whose slack is then a small share. */
const EXACT_BELOW = 16;

/**
 * `items` with `item` at the end; keep the returned list. While short it is a new array exactly
 * as long as it needs to be (a copy of a few slots); from `EXACT_BELOW` on it is `items` itself.
 */
export function appended<T>(items: T[], item: T): T[] {
  if (items.length >= EXACT_BELOW) {
    items.push(item);
    return items;
  }
  return items.concat([item]);
}
