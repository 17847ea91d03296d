/**
 * Webhooks: campaign events (new, escalated, confirmed) POSTed as JSON to registered URLs, signed
 * with HMAC-SHA256 and retried with exponential backoff. Deliveries are stored before the first
 * attempt, so a restart resumes the retries instead of losing them.
 *
 * Signature: header `X-Distillwatch-Signature: sha256=<hex HMAC(secret, "<timestamp>.<body>")>`
 * with `X-Distillwatch-Timestamp` (epoch seconds) so receivers can refuse replays.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { DeliveryRecord, Store, WebhookEvent, WebhookRecord } from '../store/types.js';

/** Retry schedule of deliveries. */
export interface RetryPolicy {
  /** First retry delay (default 1 s); doubled each attempt. */
  baseDelayMs: number;
  /** Longest delay between attempts (default 10 min). */
  maxDelayMs: number;
  /** Attempts before a delivery is marked failed (default 10). */
  maxAttempts: number;
  /** Per-attempt timeout (default 10 s). */
  timeoutMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  baseDelayMs: 1000,
  maxDelayMs: 600_000,
  maxAttempts: 10,
  timeoutMs: 10_000,
};

/** The signature header value of a body at a timestamp. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Delay before attempt `attempts + 1` after `attempts` failures. */
export function backoffDelay(attempts: number, policy: RetryPolicy = DEFAULT_RETRY): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
}

/** Queues one event for every webhook subscribed to it; resolves with the deliveries created. */
export async function enqueueEvent(
  store: Store,
  webhooks: readonly WebhookRecord[],
  event: WebhookEvent,
  payload: unknown,
  now: number,
): Promise<DeliveryRecord[]> {
  const created: DeliveryRecord[] = [];
  for (const webhook of webhooks) {
    if (!webhook.events.includes(event)) continue;
    const id = randomBytes(8).toString('hex');
    const body = JSON.stringify({ id, event, createdAt: new Date(now).toISOString(), data: payload });
    const delivery: DeliveryRecord = {
      id,
      webhook: webhook.id,
      event,
      body,
      attempts: 0,
      nextAttemptAt: now,
      state: 'pending',
      lastError: null,
    };
    await store.putDelivery(delivery);
    created.push(delivery);
  }
  return created;
}

/** Attempts every due delivery once; returns how many were attempted. */
export async function deliverDue(
  store: Store,
  options: { now?: () => number; fetch?: typeof fetch; policy?: RetryPolicy } = {},
): Promise<number> {
  const now = options.now ?? Date.now;
  const send = options.fetch ?? fetch;
  const policy = options.policy ?? DEFAULT_RETRY;
  const due = await store.dueDeliveries(now(), 50);
  if (due.length === 0) return 0;
  const hooks = new Map((await store.listWebhooks()).map((hook) => [hook.id, hook]));
  await Promise.all(
    due.map(async (delivery) => {
      const hook = hooks.get(delivery.webhook);
      if (!hook) {
        await store.putDelivery({ ...delivery, state: 'failed', lastError: 'webhook was removed' });
        return;
      }
      const timestamp = Math.floor(now() / 1000);
      let error: string | null = null;
      try {
        const response = await send(hook.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': 'distillwatch-webhooks',
            'x-distillwatch-event': delivery.event,
            'x-distillwatch-delivery': delivery.id,
            'x-distillwatch-timestamp': String(timestamp),
            'x-distillwatch-signature': signWebhook(hook.secret, timestamp, delivery.body),
          },
          body: delivery.body,
          signal: AbortSignal.timeout(policy.timeoutMs),
        });
        await response.body?.cancel().catch(() => undefined);
        if (!response.ok) error = `HTTP ${response.status}`;
      } catch (caught) {
        error = (caught as Error).message;
      }
      const attempts = delivery.attempts + 1;
      if (error === null) {
        await store.putDelivery({ ...delivery, attempts, state: 'delivered', lastError: null });
      } else {
        const failed = attempts >= policy.maxAttempts;
        await store.putDelivery({
          ...delivery,
          attempts,
          state: failed ? 'failed' : 'pending',
          nextAttemptAt: now() + backoffDelay(attempts, policy),
          lastError: error,
        });
      }
    }),
  );
  return due.length;
}
