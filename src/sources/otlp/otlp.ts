/**
 * OTLP/HTTP JSON trace decoder: turns GenAI spans (OpenTelemetry GenAI semantic conventions,
 * `gen_ai.*`) into canonical exchanges. Instrumentations emit several generations of attribute
 * names (semconv before 1.37, OpenLLMetry `llm.*`, OpenInference `llm.token_count.*`), so every
 * field is read through an alias table, newest name first. Spans without any GenAI attribute
 * (HTTP, database...) are ignored; GenAI spans that cannot become an exchange are rejected with
 * their index and reason, for the OTLP `partialSuccess` answer. Nothing here throws on bad input.
 */
import { decodeExchange } from '../../core/schema.js';
import type { Exchange } from '../../core/types.js';

/** One rejected record of a batch: its position in the batch and why. */
export interface RejectedRecord {
  index: number;
  reason: string;
}

/** The result of decoding one OTLP request. */
export interface OtlpDecodeResult {
  exchanges: Exchange[];
  rejected: RejectedRecord[];
  /** Spans that carry no GenAI attribute (not exchanges, not errors). */
  ignored: number;
  spans: number;
}

/** Canonical field -> span attribute names that carry it, newest convention first. */
export const OTLP_ATTRIBUTE_ALIASES = {
  account: ['distillwatch.account', 'user.id', 'enduser.id', 'gen_ai.user.id', 'llm.user'],
  org: ['distillwatch.org', 'enduser.org', 'gen_ai.organization.id'],
  apiKey: ['distillwatch.api_key', 'gen_ai.api_key.hash'],
  model: [
    'gen_ai.request.model',
    'llm.request.model',
    'llm.model_name',
    'gen_ai.response.model',
    'llm.response.model',
  ],
  ip: ['client.address', 'http.client_ip', 'net.sock.peer.addr', 'net.peer.ip'],
  userAgent: ['user_agent.original', 'http.user_agent'],
  ja4: ['tls.client.ja4', 'distillwatch.ja4'],
  maxTokens: ['gen_ai.request.max_tokens', 'llm.request.max_tokens'],
  temperature: ['gen_ai.request.temperature', 'llm.temperature', 'llm.request.temperature'],
  topP: ['gen_ai.request.top_p', 'llm.top_p', 'llm.request.top_p'],
  seed: ['gen_ai.request.seed', 'llm.request.seed'],
  n: ['gen_ai.request.choice.count', 'llm.request.n'],
  logprobs: ['gen_ai.request.top_logprobs', 'gen_ai.request.logprobs', 'llm.request.logprobs'],
  stream: ['gen_ai.request.stream', 'llm.is_streaming'],
  status: ['http.response.status_code', 'http.status_code'],
  inputTokens: [
    'gen_ai.usage.input_tokens',
    'gen_ai.usage.prompt_tokens',
    'llm.usage.prompt_tokens',
    'llm.token_count.prompt',
  ],
  outputTokens: [
    'gen_ai.usage.output_tokens',
    'gen_ai.usage.completion_tokens',
    'llm.usage.completion_tokens',
    'llm.token_count.completion',
  ],
  reasoningTokens: [
    'gen_ai.usage.reasoning.output_tokens',
    'gen_ai.usage.reasoning_tokens',
    'llm.usage.reasoning_tokens',
  ],
  inputMessages: ['gen_ai.input.messages', 'gen_ai.prompt', 'llm.prompts'],
  system: ['gen_ai.system_instructions'],
  tools: ['gen_ai.tool.definitions', 'llm.request.functions'],
} as const;

/** Prefixes of indexed (flattened) message attributes: OpenLLMetry and OpenInference. */
const INDEXED_MESSAGES = [
  /^gen_ai\.prompt\.(\d+)\.(role|content)$/,
  /^llm\.input_messages\.(\d+)\.message\.(role|content)$/,
];
const SDK_HEADER =
  /^http\.request\.header\.(x-stainless-[a-z0-9-]+|x-client-[a-z0-9-]+|anthropic-version|openai-beta)$/;

type Attributes = Map<string, unknown>;

/** Decodes one OTLP `ExportTraceServiceRequest` in its JSON encoding. */
export function decodeOtlpTraces(body: unknown): OtlpDecodeResult {
  const result: OtlpDecodeResult = { exchanges: [], rejected: [], ignored: 0, spans: 0 };
  if (!isObject(body) || !Array.isArray(body.resourceSpans)) {
    result.rejected.push({
      index: 0,
      reason: 'the body must be an OTLP ExportTraceServiceRequest with resourceSpans[]',
    });
    return result;
  }
  for (const resourceSpans of body.resourceSpans) {
    const resource =
      isObject(resourceSpans) && isObject(resourceSpans.resource)
        ? attributesOf(resourceSpans.resource.attributes)
        : new Map();
    const scopes =
      isObject(resourceSpans) && Array.isArray(resourceSpans.scopeSpans) ? resourceSpans.scopeSpans : [];
    for (const scope of scopes) {
      const spans = isObject(scope) && Array.isArray(scope.spans) ? scope.spans : [];
      for (const span of spans) {
        const index = result.spans++;
        const decoded = decodeSpan(span, resource, index);
        if (decoded === 'ignored') result.ignored++;
        else if ('reason' in decoded) result.rejected.push(decoded);
        else result.exchanges.push(decoded.exchange);
      }
    }
  }
  return result;
}

function decodeSpan(
  span: unknown,
  resource: Attributes,
  index: number,
): 'ignored' | RejectedRecord | { exchange: Exchange } {
  if (!isObject(span)) return { index, reason: 'span must be an object' };
  const attrs = attributesOf(span.attributes);
  if (![...attrs.keys()].some((key) => key.startsWith('gen_ai.') || key.startsWith('llm.'))) return 'ignored';
  const pick = (field: keyof typeof OTLP_ATTRIBUTE_ALIASES): unknown => {
    for (const name of OTLP_ATTRIBUTE_ALIASES[field]) {
      if (attrs.has(name)) return attrs.get(name);
      if (resource.has(name)) return resource.get(name);
    }
    return undefined;
  };
  const traceId = typeof span.traceId === 'string' ? span.traceId : '';
  const spanId = typeof span.spanId === 'string' ? span.spanId : '';
  if (!traceId || !spanId) return { index, reason: 'span has no traceId/spanId' };
  const start = nanosToMs(span.startTimeUnixNano);
  const end = nanosToMs(span.endTimeUnixNano);
  if (start === null) return { index, reason: 'span has no valid startTimeUnixNano' };

  const messages = inputMessages(pick('inputMessages'), attrs, span.events);
  const userTurns = messages.filter((message) => message.role === 'user');
  const systemText = text(pick('system')) ?? messages.find((message) => message.role === 'system')?.content;
  const sdk: Record<string, string> = {};
  for (const [key, value] of attrs) {
    const match = SDK_HEADER.exec(key);
    if (match) sdk[match[1]] = Array.isArray(value) ? value.map(String).join(',') : String(value);
  }
  const status =
    integer(pick('status')) ??
    (isObject(span.status) && span.status.code === 2 ? errorStatus(attrs) : undefined);
  const logprobs = pick('logprobs');
  const candidate: Record<string, unknown> = {
    id: `${traceId}:${spanId}`,
    ts: start,
    account: text(pick('account')),
    org: text(pick('org')),
    apiKey: text(pick('apiKey')),
    model: text(pick('model')),
    ip: text(pick('ip')),
    userAgent: text(pick('userAgent')),
    ja4: text(pick('ja4')),
    prompt: userTurns.at(-1)?.content,
    system: systemText,
    turns: userTurns.length > 0 ? userTurns.length : undefined,
    tools: jsonArray(pick('tools')),
    sdk: Object.keys(sdk).length > 0 ? sdk : undefined,
    maxTokens: integer(pick('maxTokens')),
    temperature: number(pick('temperature')),
    topP: number(pick('topP')),
    seed: number(pick('seed')),
    n: integer(pick('n')),
    logprobs: typeof logprobs === 'boolean' ? logprobs : integer(logprobs),
    stream: typeof pick('stream') === 'boolean' ? pick('stream') : undefined,
    status,
    inputTokens: integer(pick('inputTokens')),
    outputTokens: integer(pick('outputTokens')),
    reasoningTokens: integer(pick('reasoningTokens')),
    latencyMs: end !== null && end >= start ? end - start : undefined,
  };
  if (candidate.account === undefined) {
    return {
      index,
      reason: `span ${spanId} has no account attribute (${OTLP_ATTRIBUTE_ALIASES.account.join(', ')})`,
    };
  }
  for (const key of Object.keys(candidate)) if (candidate[key] === undefined) delete candidate[key];
  const decoded = decodeExchange(candidate, { file: 'otlp', line: index });
  if (!decoded.ok) {
    const issue = decoded.issues[0];
    return { index, reason: `span ${spanId}: ${issue.field ? `${issue.field} ` : ''}${issue.reason}` };
  }
  return { exchange: decoded.value };
}

interface Message {
  role: string;
  content: string;
}

/** Reads the conversation from `gen_ai.input.messages` (JSON), flattened indexed attributes, or events. */
function inputMessages(value: unknown, attrs: Attributes, events: unknown): Message[] {
  const parsed = typeof value === 'string' ? (tryJson(value) ?? value) : value;
  if (typeof parsed === 'string') return [{ role: 'user', content: parsed }];
  if (Array.isArray(parsed)) return parsed.flatMap((message) => messageOf(message));
  const indexed = new Map<number, Partial<Message>>();
  for (const [key, raw] of attrs) {
    for (const pattern of INDEXED_MESSAGES) {
      const match = pattern.exec(key);
      if (!match) continue;
      const slot = indexed.get(Number(match[1])) ?? {};
      slot[match[2] as 'role' | 'content'] = String(raw);
      indexed.set(Number(match[1]), slot);
    }
  }
  if (indexed.size > 0) {
    return [...indexed.entries()]
      .sort(([a], [b]) => a - b)
      .filter(([, message]) => typeof message.content === 'string')
      .map(([, message]) => ({ role: message.role ?? 'user', content: message.content! }));
  }
  // Event-based conventions (semconv 1.27-1.36): gen_ai.user.message / gen_ai.system.message events.
  const fromEvents: Message[] = [];
  for (const event of Array.isArray(events) ? events : []) {
    if (!isObject(event) || typeof event.name !== 'string') continue;
    const eventAttrs = attributesOf(event.attributes);
    const role = /^gen_ai\.(user|system|assistant)\.message$/.exec(event.name)?.[1];
    const content = text(eventAttrs.get('content')) ?? text(eventAttrs.get('gen_ai.prompt'));
    if (role && content !== undefined) fromEvents.push({ role, content });
    else if (event.name === 'gen_ai.content.prompt' && content !== undefined)
      fromEvents.push(...inputMessages(content, new Map(), []));
  }
  return fromEvents;
}

/** One message of either shape: `{role, content}` or the 1.37+ `{role, parts: [{type: 'text', content}]}`. */
function messageOf(message: unknown): Message[] {
  if (!isObject(message)) return [];
  const role = typeof message.role === 'string' ? message.role : 'user';
  if (typeof message.content === 'string') return [{ role, content: message.content }];
  const parts = Array.isArray(message.parts)
    ? message.parts
    : Array.isArray(message.content)
      ? message.content
      : [];
  const texts = parts
    .map((part) => (isObject(part) ? (text(part.content) ?? text(part.text)) : undefined))
    .filter((part): part is string => part !== undefined);
  return texts.length > 0 ? [{ role, content: texts.join('\n') }] : [];
}

function errorStatus(attrs: Attributes): number | undefined {
  const type = attrs.get('error.type');
  const code = typeof type === 'string' ? Number(type) : Number.NaN;
  return Number.isInteger(code) && code >= 100 && code <= 599 ? code : 500;
}

/** Flattens an OTLP `KeyValue[]` into a map of plain JS values. */
export function attributesOf(list: unknown): Attributes {
  const map: Attributes = new Map();
  if (!Array.isArray(list)) return map;
  for (const entry of list) {
    if (isObject(entry) && typeof entry.key === 'string') map.set(entry.key, anyValue(entry.value));
  }
  return map;
}

/** Converts one OTLP `AnyValue` (JSON encoding) to a JS value. */
export function anyValue(value: unknown): unknown {
  if (!isObject(value)) return undefined;
  if ('stringValue' in value) return value.stringValue;
  if ('boolValue' in value) return value.boolValue;
  if ('intValue' in value) return Number(value.intValue);
  if ('doubleValue' in value) return Number(value.doubleValue);
  if ('arrayValue' in value) {
    const values =
      isObject(value.arrayValue) && Array.isArray(value.arrayValue.values) ? value.arrayValue.values : [];
    return values.map(anyValue);
  }
  if ('kvlistValue' in value) {
    const values = isObject(value.kvlistValue) ? attributesOf(value.kvlistValue.values) : new Map();
    return Object.fromEntries(values);
  }
  if ('bytesValue' in value) return value.bytesValue;
  return undefined;
}

function nanosToMs(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? Math.floor(value / 1e6) : null;
  if (typeof value === 'string' && /^\d{1,20}$/.test(value)) {
    const ms = Number(BigInt(value) / 1_000_000n);
    return ms > 0 ? ms : null;
  }
  return null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

function number(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

function integer(value: unknown): number | undefined {
  const n = number(value);
  return n !== undefined && Number.isInteger(n) ? n : undefined;
}

function tryJson(value: string): unknown {
  const head = value.trimStart()[0];
  if (head !== '[' && head !== '{') return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

function jsonArray(value: unknown): unknown[] | undefined {
  const parsed = typeof value === 'string' ? tryJson(value) : value;
  return Array.isArray(parsed) ? parsed : undefined;
}
