/** Starts a server for tests on 127.0.0.1:0 with a temp data dir and one token per role. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryStore } from '../../store/memory.js';
import { type RunningServer, type ServerOptions, startServer } from '../serve.js';
import { createToken, type Role } from '../tokens.js';
import { createFakeDetection, type FakeDetection } from './fake-detection.js';

/** A fetch Response whose JSON body is untyped, for terse assertions. */
// biome-ignore lint/suspicious/noExplicitAny: test assertions read arbitrary JSON
export type TestResponse = Omit<Response, 'json'> & { json(): Promise<any> };

/** A test server with its tokens and a fetch helper. */
export interface Harness {
  server: RunningServer;
  url: string;
  dataDir: string;
  tokens: Record<Role, string>;
  detection: FakeDetection;
  /** fetch with the given role's token (or none with null). */
  call(path: string, init?: RequestInit & { role?: Role | null }): Promise<TestResponse>;
  close(): Promise<void>;
}

/** Starts a harness (memory store and fake detection unless overridden). */
export async function startHarness(overrides: Partial<ServerOptions> = {}): Promise<Harness> {
  const dataDir = overrides.dataDir ?? mkdtempSync(join(tmpdir(), 'dw-server-'));
  const tokens = {
    ingest: createToken(dataDir, 'ingest', 'gateway').secret,
    analyst: createToken(dataDir, 'analyst', 'ana').secret,
    admin: createToken(dataDir, 'admin').secret,
  };
  const detection = (overrides.detection as FakeDetection | undefined) ?? createFakeDetection();
  const server = await startServer({
    dataDir,
    port: 0,
    store: overrides.store ?? createMemoryStore(),
    detection,
    service: { tickIntervalMs: 0, webhookIntervalMs: 0, ...overrides.service },
    log: () => {},
    ...overrides,
  });
  return {
    server,
    url: server.url,
    dataDir,
    tokens,
    detection,
    call(path, init = {}) {
      const { role = 'admin', ...rest } = init;
      const headers = new Headers(rest.headers);
      if (role) headers.set('authorization', `Bearer ${tokens[role]}`);
      return fetch(`${server.url}${path}`, { ...rest, headers }) as Promise<TestResponse>;
    },
    async close() {
      await server.close();
      if (!overrides.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** NDJSON text of records. */
export function ndjson(records: unknown[]): string {
  return `${records.map((record) => JSON.stringify(record)).join('\n')}\n`;
}
