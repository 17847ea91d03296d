// The dashboard's client of the distillwatch HTTP API (src/server): typed responses, bearer auth,
// and errors as values the pages can show (401 signs the analyst out, others are displayed).
import type {
  AccountSummary,
  AccountVerdict,
  CampaignResult,
  CampaignStatus,
  Evidence,
  ResidencyVerdict,
  ResidencyVerdictKind,
} from '../../src/core/types.js';

export type { AccountSummary, CampaignResult, CampaignStatus, Evidence, ResidencyVerdict };

/** One entry of a campaign's lifecycle history. */
export interface HistoryEntry {
  ts: string;
  status: CampaignStatus;
  score: number;
  note?: string;
  actor?: string;
}

/** One member account of a campaign as the campaign page lists it. */
export interface Member {
  account: string;
  risk: number;
  flaggedAt: string | null;
  exchanges: number;
  declaredCountry: string | null;
  residency: ResidencyVerdictKind;
}

/** The account graph of one campaign: accounts and the evidence kinds linking them. */
export interface CampaignGraph {
  nodes: { id: string; risk: number }[];
  edges: { source: string; target: string; weight: number; kinds: string[]; evidence?: Evidence[] }[];
}

/** `GET /v1/campaigns` */
export interface CampaignList {
  campaigns: CampaignResult[];
  total: number;
  nextCursor: string | null;
}

/** `GET /v1/campaigns/:id` */
export interface CampaignDetail {
  campaign: CampaignResult & { history: HistoryEntry[] };
  members: Member[];
  timeline: { hour: string; exchanges: number }[];
  graph: CampaignGraph;
  residency: { byVerdict: Record<string, number>; byCountry: Record<string, number> };
  extraction: Record<string, number>;
}

/** An analyst's decision about one account, overriding the computed verdict. */
export type OverrideDecision = 'allow' | 'review' | 'challenge' | 'block';

/** `GET /v1/accounts/:id` */
export interface AccountDetail {
  account: string;
  summary: AccountSummary;
  verdict: AccountVerdict | null;
  residency: ResidencyVerdict | null;
  links: { account: string; weight: number; evidence: Evidence[] }[];
  campaign: string | null;
  /** Present when the server reports a standing analyst override. */
  override?: {
    decision: OverrideDecision;
    note?: string | null;
    ts?: string | number;
    actor?: string;
  } | null;
}

/** `GET /v1/stats` */
export interface Stats {
  exchanges: number;
  accounts: number;
  ratePerSecond: number;
  campaigns: Record<string, number>;
  lastTick: string | null;
  /** Exchanges stored but not yet applied by detection. */
  detectionLag: number;
  /** Heap of detection's thread in use and its cap, in MiB (null before its first answer). */
  detectionHeapMiB: { used: number; limit: number } | null;
}

/** Filters of the campaigns list, as the API takes them. */
export interface CampaignQuery {
  status?: string;
  minScore?: number;
  since?: string;
  until?: string;
  limit?: number;
  cursor?: string;
}

/** An API call that failed: HTTP status (0 when the server could not be reached) and a message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const TOKEN_KEY = 'distillwatch.token';
/** A request still unanswered after this long fails (and polling goes on). */
const REQUEST_TIMEOUT_MS = 30_000;

/** The analyst's bearer token for this browser tab, or null when signed out. */
export function getToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

/** Keeps (or, with null, forgets) the token for this browser tab only. */
export function setToken(token: string | null): void {
  if (token === null) sessionStorage.removeItem(TOKEN_KEY);
  else sessionStorage.setItem(TOKEN_KEY, token);
  window.dispatchEvent(new Event('distillwatch:auth'));
}

/** Performs one API request with the stored token; throws ApiError with the server's reason. */
async function request<T>(
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  body?: unknown,
  token = getToken(),
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'TimeoutError') {
      throw new ApiError(0, `The server did not answer within ${REQUEST_TIMEOUT_MS / 1000} s.`);
    }
    throw new ApiError(0, 'The distillwatch server could not be reached. Is it running?');
  }
  if (!res.ok) throw new ApiError(res.status, await errorMessage(res));
  return (await res.json()) as T;
}

/** The clearest message a failed response carries: its JSON `error`/`message`, else its status. */
async function errorMessage(res: Response): Promise<string> {
  let detail = '';
  try {
    const text = await res.text();
    try {
      const json = JSON.parse(text) as { error?: unknown; message?: unknown };
      const value = json.message ?? json.error;
      detail =
        typeof value === 'string' ? value : typeof value === 'object' && value ? JSON.stringify(value) : '';
    } catch {
      detail = text.slice(0, 200);
    }
  } catch {
    // no body
  }
  if (res.status === 401)
    return 'The server did not accept this token (401). It may be mistyped, expired or revoked.';
  if (res.status === 403) return `This token's role may not do that (403)${detail ? `: ${detail}` : '.'}`;
  if (res.status === 404) return detail || 'Not found (404).';
  return detail ? `${detail} (HTTP ${res.status})` : `The server answered HTTP ${res.status}.`;
}

/** Builds a query string from defined, non-empty values. */
function query(params: Record<string, string | number | undefined>): string {
  const qs = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') qs.set(key, String(value));
  }
  const text = qs.toString();
  return text ? `?${text}` : '';
}

/** The API, one function per endpoint the dashboard uses. */
export const api = {
  /** Checks a token before keeping it (any authenticated read will do). */
  checkToken: (token: string) => request<Stats>('GET', '/v1/stats', undefined, token),
  stats: () => request<Stats>('GET', '/v1/stats'),
  campaigns: (q: CampaignQuery) =>
    request<CampaignList>(
      'GET',
      `/v1/campaigns${query({ ...q } as Record<string, string | number | undefined>)}`,
    ),
  campaign: (id: string) => request<CampaignDetail>('GET', `/v1/campaigns/${encodeURIComponent(id)}`),
  account: (id: string) => request<AccountDetail>('GET', `/v1/accounts/${encodeURIComponent(id)}`),
  review: (id: string, action: 'confirm' | 'dismiss', note?: string) =>
    request<unknown>('POST', `/v1/campaigns/${encodeURIComponent(id)}/review`, {
      action,
      note: note || undefined,
    }),
  clearOverride: (id: string) =>
    request<unknown>('DELETE', `/v1/accounts/${encodeURIComponent(id)}/override`),
  override: (id: string, decision: OverrideDecision, note?: string) =>
    request<unknown>('POST', `/v1/accounts/${encodeURIComponent(id)}/override`, {
      decision,
      note: note || undefined,
    }),
};
