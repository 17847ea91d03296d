import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDuckDbStore } from './duckdb.js';
import { MIGRATIONS } from './migrations.js';
import { storeContract } from './test-support/contract.js';

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

  it('fails with an operator error when the file is not a database', async () => {
    const { writeFileSync } = await import('node:fs');
    const path = join(dir, 'garbage.duckdb');
    writeFileSync(path, 'not a database at all, just text');
    await expect(openDuckDbStore(path)).rejects.toThrow(/cannot open the store/);
  });
});
