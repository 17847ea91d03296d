/** The live service: start it, or build its parts (service, HTTP app, tokens, webhooks). */

export { type ClockSink, createEventClock, type EventClock } from './clock.js';
export type { AccountLinkView, CampaignGraphView, Detection } from './detection.js';
export { createDetection } from './detection-default.js';
export { startDetectionThread } from './detection-worker.js';
export { type AppOptions, createApp, DEFAULT_HTTP_LIMITS, type HttpLimits } from './http.js';
export { openApiDocument } from './openapi.js';
export { type ParsedBatch, parseExchangeBatch, type Rejection } from './parse.js';
export { createParsePool, type ParsePool } from './parse-pool.js';
export {
  DEFAULT_RISK_POLICY,
  type Decision,
  decideRisk,
  type RiskDecision,
  type RiskPolicy,
} from './risk.js';
export { type RunningServer, type ServerOptions, startServer, storePath } from './serve.js';
export {
  type AccountDetail,
  type CampaignDetail,
  createService,
  DEFAULT_SERVICE_CONFIG,
  type IngestOutcome,
  type Recovery,
  type Service,
  type ServiceConfig,
  type ServiceStats,
} from './service.js';
export {
  createToken,
  hashToken,
  openTokenBook,
  ROLES,
  type Role,
  readTokens,
  revokeToken,
  roleAllows,
  type TokenBook,
  type TokenRecord,
} from './tokens.js';
export {
  backoffDelay,
  DEFAULT_RETRY,
  deliverDue,
  enqueueEvent,
  type RetryPolicy,
  signWebhook,
} from './webhooks.js';
