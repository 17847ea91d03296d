import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packLinesSync } from './blocks.js';
import { openDuckDbStore } from './duckdb.js';
import { MIGRATIONS } from './migrations.js';
import { storeContract } from './test-support/contract.js';
import { openDuckDbStoreThread } from './threaded.js';
import { linesOf } from './types.js';

const dir = mkdtempSync(join(tmpdir(), 'dw-duckdb-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const paths = new WeakMap<object, string>();

storeContract('duckdb', {
  async open() {
    const path = join(dir, `s${n++}.duckdb`);
    const store = await openDuckDbStore(path, { threads: 1 });
    paths.set(store, path);
    return store;
  },
  async reopen(previous) {
    const path = paths.get(previous)!;
    await previous.close();
    return openDuckDbStore(path, { threads: 1 });
  },
});

storeContract('duckdb on its own thread', {
  async open() {
    const path = join(dir, `t${n++}.duckdb`);
    const store = await openDuckDbStoreThread(path, { threads: 1 });
    paths.set(store, path);
    return store;
  },
  async reopen(previous) {
    const path = paths.get(previous)!;
    await previous.close();
    return openDuckDbStoreThread(path, { threads: 1 });
  },
});

describe('duckdb store specifics', () => {
  it('records the schema version and refuses a newer one', async () => {
    const path = join(dir, 'schema.duckdb');
    const store = await openDuckDbStore(path, { threads: 1 });
    await store.close();
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const instance = await DuckDBInstance.create(path);
    const connection = await instance.connect();
    const reader = await connection.runAndReadAll('SELECT max(version) FROM schema_version');
    expect(reader.getRowsJS()[0][0]).toBe(MIGRATIONS[MIGRATIONS.length - 1].version);
    await connection.run('INSERT INTO schema_version VALUES (999, 0)');
    connection.closeSync();
    instance.closeSync();
    await expect(openDuckDbStore(path)).rejects.toThrow(/newer than this program/);
  });

  it('keeps the block the caller packed, duplicates included, and reads each row at its position', async () => {
    const { deflateRawSync } = await import('node:zlib');
    const store = await openDuckDbStore(join(dir, 'packed.duckdb'), { threads: 1 });
    const text = (i: number) => `{"id":"k${i}","ts":${i},"account":"a${i % 3}","prompt":"p ${i}"}`;
    // Packed by the caller (brotli, or raw deflate as blocks were written before brotli), or not.
    const columns = (rows: number[], pack: 'brotli' | 'deflate' | null) => {
      const { lines, ends } = linesOf(rows.map(text));
      const packed =
        pack === 'brotli'
          ? packLinesSync(lines)
          : pack === 'deflate'
            ? { encoding: 'deflate' as const, data: new Uint8Array(deflateRawSync(lines)) }
            : undefined;
      return {
        ids: rows.map((i) => `k${i}`),
        ts: rows,
        accounts: rows.map((i) => `a${i % 3}`),
        ...(packed ? { lines: new Uint8Array(0), ends, packed } : { lines, ends }),
      };
    };
    expect((await store.appendExchangeColumns(columns([1, 2, 3], 'deflate'))).fresh).toEqual([0, 1, 2]);
    expect((await store.appendExchangeColumns(columns([3, 4, 5], 'brotli'))).fresh).toEqual([1, 2]);
    expect((await store.appendExchangeColumns(columns([5, 6, 2, 7], null))).fresh).toEqual([1, 3]);
    expect((await store.appendExchangeColumns(columns([8, 7, 9], 'brotli'))).fresh).toEqual([0, 2]);
    const seen: string[] = [];
    await store.replay('exchanges', (batch) => void seen.push(...batch.map((x) => `${x.id}:${x.prompt}`)));
    expect(seen).toEqual([
      'k1:p 1',
      'k2:p 2',
      'k3:p 3',
      'k4:p 4',
      'k5:p 5',
      'k6:p 6',
      'k7:p 7',
      'k8:p 8',
      'k9:p 9',
    ]);
    await store.close();
  });

  it('migrates a version-1 store: exchanges stored as JSON rows replay unchanged and stay idempotent', async () => {
    const path = join(dir, 'v1.duckdb');
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const instance = await DuckDBInstance.create(path);
    const connection = await instance.connect();
    await connection.run(
      'CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)',
    );
    await connection.run(MIGRATIONS[0].sql);
    await connection.run('INSERT INTO schema_version VALUES (1, 0)');
    const old = [
      { id: 'v1-a', ts: 10, account: 'acct', prompt: 'first' },
      { id: 'v1-b', ts: 20, account: 'acct', model: 'm', prompt: 'second' },
    ];
    for (const [i, record] of old.entries())
      await connection.run('INSERT INTO exchanges VALUES (?, ?, ?, ?, ?)', [
        i + 1,
        record.id,
        record.ts,
        record.account,
        JSON.stringify(record),
      ]);
    connection.closeSync();
    instance.closeSync();

    const store = await openDuckDbStore(path, { threads: 1 });
    expect(
      (await store.appendExchanges([old[1], { id: 'v2-c', ts: 30, account: 'acct' }])).fresh,
    ).toHaveLength(1);
    const seen: unknown[] = [];
    await store.replay('exchanges', (batch) => void seen.push(...batch));
    expect(seen).toEqual([...old, { id: 'v2-c', ts: 30, account: 'acct' }]);
    expect(await store.activity(['acct'], 10)).toEqual([
      { ts: 10, count: 1 },
      { ts: 20, count: 1 },
      { ts: 30, count: 1 },
    ]);
    await store.close();
  });

  it('fails with an operator error when the file is not a database', async () => {
    const { writeFileSync } = await import('node:fs');
    const path = join(dir, 'garbage.duckdb');
    writeFileSync(path, 'not a database at all, just text');
    await expect(openDuckDbStore(path)).rejects.toThrow(/cannot open the store/);
    await expect(openDuckDbStoreThread(path)).rejects.toThrow(/cannot open the store/);
  });
});
