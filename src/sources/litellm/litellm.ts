/**
 * LiteLLM decoder: turns `StandardLoggingPayload` records, as LiteLLM's generic webhook callback
 * sends them (`log_format` `json_array`, `ndjson` or `single`), into canonical exchanges.
 * Field names follow litellm/types/utils.py (`StandardLoggingPayload`, `StandardLoggingMetadata`,
 * `model_parameters`). Bad records are returned with their index and reason, never thrown.
 */
import { decodeExchange } from '../../core/schema.js';
import type { Exchange } from '../../core/types.js';
import type { RejectedRecord } from '../otlp/otlp.js';

/** The result of decoding one LiteLLM webhook body. */
export interface LitellmDecodeResult {
  exchanges: Exchange[];
  rejected: RejectedRecord[];
  records: number;
}

/** The identity fields LiteLLM attaches to a call (logging metadata or guardrail `request_data`). */
export interface LitellmKeyMetadata {
  user_api_key_hash?: string | null;
  user_api_key_user_id?: string | null;
  user_api_key_team_id?: string | null;
  user_api_key_org_id?: string | null;
  user_api_key_end_user_id?: string | null;
}

/**
 * The account a LiteLLM call belongs to: the end user when the gateway names one, else the key's
 * user, else its team, else the key hash. The guardrail endpoint uses the same rule, so verdicts
 * computed from logged traffic apply to the calls LiteLLM asks about.
 */
export function litellmAccount(metadata: LitellmKeyMetadata, endUser?: unknown): string | undefined {
  const candidates = [
    endUser,
    metadata.user_api_key_end_user_id,
    metadata.user_api_key_user_id,
    metadata.user_api_key_team_id,
    metadata.user_api_key_hash ? `key:${metadata.user_api_key_hash}` : undefined,
  ];
  for (const candidate of candidates) if (typeof candidate === 'string' && candidate !== '') return candidate;
  return undefined;
}

/** Splits a webhook body into records: a JSON array, one JSON object, or NDJSON lines. */
export function splitLitellmBody(body: string): { records: unknown[]; rejected: RejectedRecord[] } {
  const trimmed = body.trim();
  if (trimmed === '') return { records: [], rejected: [] };
  try {
    const whole = JSON.parse(trimmed);
    return { records: Array.isArray(whole) ? whole : [whole], rejected: [] };
  } catch {
    // Not one JSON document: NDJSON.
  }
  const records: unknown[] = [];
  const rejected: RejectedRecord[] = [];
  for (const line of trimmed.split('\n')) {
    if (line.trim() === '') continue;
    try {
      records.push(JSON.parse(line));
    } catch (error) {
      rejected.push({
        index: records.length + rejected.length,
        reason: `invalid JSON: ${(error as Error).message}`,
      });
      records.push(undefined);
    }
  }
  return { records, rejected };
}

/** Decodes a webhook body (any of the three log formats). */
export function decodeLitellmBody(body: string): LitellmDecodeResult {
  const { records, rejected } = splitLitellmBody(body);
  const result: LitellmDecodeResult = { exchanges: [], rejected, records: records.length };
  const bad = new Set(rejected.map((r) => r.index));
  records.forEach((record, index) => {
    if (bad.has(index)) return;
    const decoded = decodeLitellmPayload(record, index);
    if ('reason' in decoded) result.rejected.push(decoded);
    else result.exchanges.push(decoded.exchange);
  });
  result.rejected.sort((a, b) => a.index - b.index);
  return result;
}

/** Decodes one `StandardLoggingPayload`. */
export function decodeLitellmPayload(
  payload: unknown,
  index: number,
): RejectedRecord | { exchange: Exchange } {
  if (!isObject(payload)) return { index, reason: 'record must be a StandardLoggingPayload object' };
  const metadata = (isObject(payload.metadata) ? payload.metadata : {}) as Record<string, unknown> &
    LitellmKeyMetadata;
  const params = isObject(payload.model_parameters) ? payload.model_parameters : {};
  const messages = messagesOf(payload.messages);
  const users = messages.filter((message) => message.role === 'user');
  const start = typeof payload.startTime === 'number' ? Math.round(payload.startTime * 1000) : undefined;
  const end = typeof payload.endTime === 'number' ? Math.round(payload.endTime * 1000) : undefined;
  const errorCode = isObject(payload.error_information)
    ? Number(payload.error_information.error_code)
    : Number.NaN;
  const status =
    payload.status === 'success'
      ? 200
      : payload.status === 'failure'
        ? Number.isInteger(errorCode) && errorCode >= 100 && errorCode <= 599
          ? errorCode
          : 500
        : undefined;
  const response = isObject(payload.response) ? payload.response : {};
  const usage = isObject(response.usage) ? response.usage : {};
  const details = isObject(usage.completion_tokens_details) ? usage.completion_tokens_details : {};
  const requester = isObject(metadata.requester_metadata) ? metadata.requester_metadata : {};
  const logprobs = typeof params.top_logprobs === 'number' ? params.top_logprobs : params.logprobs;
  const candidate: Record<string, unknown> = {
    id: payload.id,
    ts: start,
    account: litellmAccount(metadata, payload.end_user),
    org: stringOr(metadata.user_api_key_org_id) ?? stringOr(metadata.user_api_key_team_id),
    apiKey: stringOr(metadata.user_api_key_hash),
    model: stringOr(payload.model_group) ?? stringOr(payload.model),
    ip: stringOr(payload.requester_ip_address) ?? stringOr(metadata.requester_ip_address),
    userAgent: stringOr(requester.user_agent) ?? stringOr(metadata.user_agent),
    prompt: users.at(-1)?.content,
    system: messages.find((message) => message.role === 'system')?.content,
    turns: users.length > 0 ? users.length : undefined,
    tools: Array.isArray(params.tools) ? params.tools : undefined,
    maxTokens: params.max_completion_tokens ?? params.max_tokens,
    temperature: params.temperature,
    topP: params.top_p,
    seed: params.seed,
    n: params.n,
    logprobs,
    stream: params.stream,
    status,
    inputTokens: payload.prompt_tokens,
    outputTokens: payload.completion_tokens,
    reasoningTokens: details.reasoning_tokens ?? undefined,
    latencyMs: start !== undefined && end !== undefined && end >= start ? end - start : undefined,
  };
  if (candidate.account === undefined) {
    return {
      index,
      reason:
        'no account: end_user and metadata.user_api_key_{end_user_id,user_id,team_id,hash} are all empty',
    };
  }
  for (const key of Object.keys(candidate))
    if (candidate[key] === undefined || candidate[key] === null) delete candidate[key];
  const decoded = decodeExchange(candidate, { file: 'litellm', line: index });
  if (!decoded.ok) {
    const issue = decoded.issues[0];
    const field = issue.field ? `${LITELLM_FIELD_NAMES[issue.field] ?? issue.field} ` : '';
    return { index, reason: `${field}${issue.reason}` };
  }
  return { exchange: decoded.value };
}

/** Canonical field -> LiteLLM field, so a rejection names the field the sender knows. */
const LITELLM_FIELD_NAMES: Record<string, string> = {
  id: 'id',
  ts: 'startTime',
  maxTokens: 'model_parameters.max_tokens',
  temperature: 'model_parameters.temperature',
  topP: 'model_parameters.top_p',
  seed: 'model_parameters.seed',
  n: 'model_parameters.n',
  logprobs: 'model_parameters.logprobs',
  stream: 'model_parameters.stream',
  inputTokens: 'prompt_tokens',
  outputTokens: 'completion_tokens',
};

interface Message {
  role: string;
  content: string;
}

/** Reads `messages`: a string (text completion), a list of chat messages, or one message object. */
function messagesOf(messages: unknown): Message[] {
  if (typeof messages === 'string') return [{ role: 'user', content: messages }];
  const list = Array.isArray(messages) ? messages : isObject(messages) ? [messages] : [];
  const out: Message[] = [];
  for (const message of list) {
    if (!isObject(message)) continue;
    const role = typeof message.role === 'string' ? message.role : 'user';
    if (typeof message.content === 'string') out.push({ role, content: message.content });
    else if (Array.isArray(message.content)) {
      const texts = message.content
        .map((part) => (isObject(part) && typeof part.text === 'string' ? part.text : undefined))
        .filter((part): part is string => part !== undefined);
      if (texts.length > 0) out.push({ role, content: texts.join('\n') });
    }
  }
  return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringOr(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
