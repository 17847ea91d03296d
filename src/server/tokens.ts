/**
 * API tokens: bearer secrets with a role (`ingest` < `analyst` < `admin`), kept hashed (SHA-256)
 * in `DATA/tokens.json`, mode 0600. A file rather than the store because the DuckDB file is
 * locked by the running server while `distillwatch token create` must still work beside it;
 * the server re-reads the file when it changes.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { OperatorError } from '../core/errors.js';

/** Roles, from least to most privileged; a role may do everything the roles before it may. */
export const ROLES = ['ingest', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** One stored token: never the secret, only its hash. */
export interface TokenRecord {
  id: string;
  role: Role;
  /** Hex SHA-256 of the bearer secret. */
  hash: string;
  createdAt: string;
  note: string | null;
}

const TokenFileSchema = v.object({
  tokens: v.array(
    v.object({
      id: v.string(),
      role: v.picklist(ROLES),
      hash: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
      createdAt: v.string(),
      note: v.nullable(v.string()),
    }),
  ),
});

/** Whether `role` may act where `required` is needed. */
export function roleAllows(role: Role, required: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}

/** Hex SHA-256 of a bearer secret. */
export function hashToken(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** The path of the token file in a data directory. */
export function tokenFilePath(dataDir: string): string {
  return join(dataDir, 'tokens.json');
}

/** Reads the token file (an absent file holds no tokens). */
export function readTokens(dataDir: string): TokenRecord[] {
  const path = tokenFilePath(dataDir);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new OperatorError('config', `cannot read ${path}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new OperatorError('config', `${path} is not valid JSON: ${(error as Error).message}`);
  }
  const result = v.safeParse(TokenFileSchema, parsed);
  if (!result.success) {
    const issue = result.issues[0];
    throw new OperatorError('config', `${path}: ${v.getDotPath(issue) ?? 'file'} ${issue.message}`);
  }
  return result.output.tokens;
}

function writeTokens(dataDir: string, tokens: TokenRecord[]): void {
  mkdirSync(dataDir, { recursive: true });
  const path = tokenFilePath(dataDir);
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify({ tokens }, null, 2)}\n`, { mode: 0o600 });
  renameSync(temp, path);
}

/** Creates a token of `role`, stores its hash, and returns the secret (shown once) with its record. */
export function createToken(
  dataDir: string,
  role: Role,
  note: string | null = null,
): { secret: string; record: TokenRecord } {
  if (!ROLES.includes(role))
    throw new OperatorError('usage', `unknown role '${role}' (use ${ROLES.join(', ')})`);
  const secret = `dw_${randomBytes(32).toString('base64url')}`;
  const record: TokenRecord = {
    id: randomBytes(6).toString('hex'),
    role,
    hash: hashToken(secret),
    createdAt: new Date().toISOString(),
    note,
  };
  writeTokens(dataDir, [...readTokens(dataDir), record]);
  return { secret, record };
}

/** Deletes a token by id; returns whether it existed. */
export function revokeToken(dataDir: string, id: string): boolean {
  const tokens = readTokens(dataDir);
  const kept = tokens.filter((token) => token.id !== id);
  if (kept.length === tokens.length) return false;
  writeTokens(dataDir, kept);
  return true;
}

/** A token lookup that follows changes to the token file (new and revoked tokens count within a second). */
export interface TokenBook {
  /** The token a bearer secret belongs to, or null. */
  verify(secret: string): TokenRecord | null;
}

/** Opens the token file of a data directory for lookups. */
export function openTokenBook(dataDir: string, now: () => number = Date.now): TokenBook {
  const path = tokenFilePath(dataDir);
  let byHash = new Map<string, TokenRecord>();
  /** Secrets verified since the file was last read (a hash per lookup costs more than the lookup). */
  let verified = new Map<string, TokenRecord>();
  let loadedMtime = -1;
  let checkedAt = Number.NEGATIVE_INFINITY;
  const refresh = () => {
    checkedAt = now();
    let mtime = 0;
    try {
      mtime = statSync(path).mtimeMs;
    } catch {
      mtime = 0;
    }
    if (mtime === loadedMtime) return;
    byHash = new Map(readTokens(dataDir).map((token) => [token.hash, token]));
    verified = new Map();
    loadedMtime = mtime;
  };
  refresh();
  return {
    verify(secret) {
      if (now() - checkedAt >= 1000) refresh();
      const known = verified.get(secret);
      if (known) return known;
      const token = byHash.get(hashToken(secret)) ?? null;
      if (token && verified.size < 1000) verified.set(secret, token);
      return token;
    },
  };
}
