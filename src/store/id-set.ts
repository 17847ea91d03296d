/**
 * A compact set of exchange ids for idempotent ingest: 64 bits of hash per id in an
 * open-addressing table of typed arrays (16 bytes a slot at most half full), so ten million ids
 * take about 320 MB less than a `Set<string>` would. A hash can collide, so `has` means "maybe
 * stored": the caller confirms such ids against the store before calling them duplicates.
 */

/** A set of 64-bit id hashes. */
export interface IdSet {
  /** False when the id was certainly never added; true when it probably was. */
  has(id: string): boolean;
  add(id: string): void;
  readonly size: number;
}

const EMPTY = 0;

let hashA = 0;
let hashB = 0;

/** Two independent 32-bit FNV-1a style hashes of a string into hashA, hashB (hashA is never 0). */
function hash(id: string): void {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  a ^= a >>> 16;
  a = Math.imul(a, 0x85ebca6b);
  a ^= a >>> 13;
  hashA = a >>> 0 || 1;
  hashB = b >>> 0;
}

/** Creates an empty id set. */
export function createIdSet(initialSlots = 1 << 16): IdSet {
  let slots = initialSlots;
  let table = new Uint32Array(slots * 2);
  let size = 0;

  const find = (a: number, b: number): number => {
    let i = (a ^ Math.imul(b, 0x9e3779b1)) & (slots - 1);
    for (;;) {
      const x = table[i * 2];
      if (x === EMPTY || (x === a && table[i * 2 + 1] === b)) return i;
      i = (i + 1) & (slots - 1);
    }
  };
  const grow = () => {
    const old = table;
    slots *= 2;
    table = new Uint32Array(slots * 2);
    for (let i = 0; i < old.length; i += 2) {
      if (old[i] === EMPTY) continue;
      const j = find(old[i], old[i + 1]);
      table[j * 2] = old[i];
      table[j * 2 + 1] = old[i + 1];
    }
  };

  return {
    has(id) {
      hash(id);
      return table[find(hashA, hashB) * 2] !== EMPTY;
    },
    add(id) {
      hash(id);
      const a = hashA;
      const b = hashB;
      const i = find(a, b);
      if (table[i * 2] !== EMPTY) return;
      table[i * 2] = a;
      table[i * 2 + 1] = b;
      if (++size * 2 > slots) grow();
    },
    get size() {
      return size;
    },
  };
}
