/**
 * Durability, proven on a real process: `distillwatch serve` is killed with SIGKILL while
 * batches are in flight (after a detection snapshot was taken mid-ingest), restarted on the same
 * data directory, and then every acknowledged record is there exactly once, in the store and in
 * detection (resumed from the snapshot, the rest replayed); a client retrying every batch
 * afterwards changes nothing (idempotent by exchange id).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { largeHeapCapMiB } from '../threads/start.js';
import { ndjson } from './test-support/harness.js';
import { createToken } from './tokens.js';

const ROOT = resolve(import.meta.dirname, '../..');
/** Clients keep posting until the server dies (at most this many batches). */
const MAX_BATCHES = 2000;
const PER_BATCH = 250;
const T0 = Date.parse('2026-03-02T00:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'dw-crash-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** Starts `distillwatch serve` as a child process; resolves with its URL once it listens. */
function startServe(): Promise<{ child: ChildProcess; url: string; log: string }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/cli/main.ts',
      'serve',
      '--port',
      '0',
      '--data',
      dir,
      '--workers',
      '0',
      '--tick-seconds',
      '0',
    ],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  children.push(child);
  return new Promise((resolvePromise, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${err}`)), 60_000);
    child.stderr?.on('data', (chunk) => {
      err += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(err);
      if (match) {
        clearTimeout(timer);
        resolvePromise({ child, url: match[1], log: err });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}: ${err}`));
    });
  });
}

const batch = (b: number) =>
  ndjson(
    Array.from({ length: PER_BATCH }, (_, i) => ({
      id: `crash-${b}-${i}`,
      ts: T0 + b * 1000 + i,
      account: `acct-${b}`,
      prompt: `task ${i}`,
    })),
  );

describe('kill -9 mid-ingest', () => {
  it('loses no acknowledged record and duplicates none', async () => {
    const ingest = createToken(dir, 'ingest').secret;
    const admin = createToken(dir, 'admin').secret;
    const post = (url: string, b: number) =>
      fetch(`${url}/v1/exchanges`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ingest}` },
        body: batch(b),
      });

    const snapshot = async (url: string) => {
      const response = await fetch(`${url}/v1/admin/snapshot`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}` },
      });
      expect(await response.json()).toEqual({ saved: true });
    };
    let snapshotted: Promise<void> | null = null;

    const first = await startServe();
    const acked = new Set<number>();
    let dead = false;
    const exited = new Promise((done) =>
      first.child.once('exit', (code) => {
        dead = true;
        done(code);
      }),
    );
    let next = 0;
    // Clients post until the process is gone, so batches are always in flight when it is killed,
    // however fast the machine.
    const client = async () => {
      while (!dead && next < MAX_BATCHES) {
        const b = next++;
        try {
          const response = await post(first.url, b);
          if (response.status === 200) {
            const answer = (await response.json()) as { stored: number };
            expect(answer.stored).toBe(PER_BATCH);
            acked.add(b);
            // A detection snapshot mid-ingest: the restart resumes from it and replays the rest.
            if (acked.size === 6) snapshotted = snapshot(first.url);
            if (acked.size === 12) {
              await snapshotted;
              first.child.kill('SIGKILL');
            }
          }
        } catch {
          // The server died under this request: not acknowledged.
        }
      }
    };
    await Promise.all([client(), client(), client(), client()]);
    await exited;
    const BATCHES = next;
    expect(acked.size).toBeGreaterThanOrEqual(12);
    expect(acked.size).toBeLessThan(BATCHES);

    const second = await startServe();
    // Resumed from the snapshot: only what was stored after it is replayed into detection.
    const replayed = Number(
      /resumed from the snapshot of \S+: replayed (\d+) exchanges/.exec(second.log)?.[1],
    );
    expect(replayed).toBeGreaterThan(0);
    expect(replayed).toBeLessThan(acked.size * PER_BATCH);
    const get = async (path: string) =>
      (
        await fetch(`${second.url}${path}`, { headers: { authorization: `Bearer ${admin}` } })
      ).json() as Promise<Record<string, unknown>>;
    await fetch(`${second.url}/v1/admin/flush`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}` },
    });
    const stored = new Map<number, number>();
    for (let b = 0; b < BATCHES; b++) {
      const account = await get(`/v1/accounts/acct-${b}`);
      stored.set(b, (account.summary as { exchanges: number } | undefined)?.exchanges ?? 0);
    }
    for (const b of acked) expect(stored.get(b), `acknowledged batch ${b}`).toBe(PER_BATCH);
    for (const [b, count] of stored) expect([0, PER_BATCH], `batch ${b} is all or nothing`).toContain(count);
    const total = [...stored.values()].reduce((sum, n) => sum + n, 0);
    expect((await get('/v1/stats')).exchanges).toBe(total);

    // The client retries everything: only the missing batches are stored, nothing counts twice.
    for (let b = 0; b < BATCHES; b++) {
      const answer = (await (await post(second.url, b)).json()) as { stored: number; duplicates: number };
      expect(answer.stored + answer.duplicates).toBe(PER_BATCH);
      expect(answer.duplicates).toBe(stored.get(b));
    }
    await fetch(`${second.url}/v1/admin/flush`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}` },
    });
    const stats = await get('/v1/stats');
    expect(stats.exchanges).toBe(BATCHES * PER_BATCH);
    // Detection's thread runs with the heap a whole world needs, not V8's ~4 GiB default for a thread.
    const heap = stats.detectionHeapMiB as { used: number; limit: number };
    expect(heap.limit).toBeGreaterThanOrEqual(largeHeapCapMiB());
    expect(heap.used).toBeGreaterThan(0);
    for (const b of [0, BATCHES - 1, ...acked].slice(0, 5)) {
      expect(((await get(`/v1/accounts/acct-${b}`)).summary as { exchanges: number }).exchanges).toBe(
        PER_BATCH,
      );
    }
    second.child.kill('SIGTERM');
    await new Promise((done) => second.child.once('exit', done));
  });
});
