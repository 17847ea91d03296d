/**
 * The inline risk lookup (`GET /v1/accounts/:id/risk`) answered straight from Node's request
 * listener, before the web-standard app: no Request, Headers or Response objects, no routing, a
 * token already verified once, and the answer's JSON taken from the service's table of answers
 * (`Service.riskJson`). A gateway calls this on every request it proxies, thousands a second,
 * on the same thread that receives ingest batches: each lookup must cost microseconds and leave
 * little garbage, so the thread's collections stay short.
 *
 * Only the plain case is answered here (a GET with a valid token whose role allows it, an id of
 * the allowed length, within the rate limit); anything else (no or bad token, a wrong role, a bad
 * id, over the limit) goes to the app, which gives the same errors as for every other endpoint.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_ID, type RateLimiter } from './http.js';
import type { Service } from './service.js';
import { roleAllows, type TokenBook } from './tokens.js';

const RISK_PATH = /^\/v1\/accounts\/([^/?#]+)\/risk(?:\?.*)?$/;
const BEARER = /^Bearer\s+(\S+)$/i;

/** Options of `createRiskFastPath`. */
export interface RiskFastPathOptions {
  service: Service;
  tokens: TokenBook;
  /** The app's rate limiter (one bucket per token across both paths). */
  limiter: RateLimiter;
}

/** A request listener step: answers a plain risk lookup and returns true, else returns false (the app answers). */
export function createRiskFastPath(
  options: RiskFastPathOptions,
): (request: IncomingMessage, response: ServerResponse) => boolean {
  const { service, tokens, limiter } = options;
  return (request, response) => {
    if (request.method !== 'GET') return false;
    const match = RISK_PATH.exec(request.url ?? '');
    if (!match) return false;
    const bearer = BEARER.exec(request.headers.authorization ?? '');
    const token = bearer ? tokens.verify(bearer[1]) : null;
    if (!token || !roleAllows(token.role, 'ingest')) return false;
    let account: string;
    try {
      account = decodeURIComponent(match[1]);
    } catch {
      return false;
    }
    if (account.length === 0 || account.length > MAX_ID) return false;
    try {
      limiter.spend(`token:${token.id}`);
    } catch {
      return false;
    }
    const body = service.riskJson(account);
    response.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
    });
    response.end(body);
    return true;
  };
}
