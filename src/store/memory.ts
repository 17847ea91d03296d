/**
 * The in-memory reference adapter of `Store`: plain maps and arrays, nothing survives the process.
 * It defines the contract's semantics in the simplest terms; tests and small demos use it.
 */
import type { AccountEvent, AccountSummary, CampaignResult, Exchange } from '../core/types.js';
import { storedExchange } from './stored.js';
import {
  type AuditEntry,
  accountEventKey,
  type CampaignHistoryEntry,
  columnText,
  type DeliveryRecord,
  type OverrideRecord,
  type ReviewRecord,
  type Store,
  type StoredCampaign,
  type WebhookRecord,
} from './types.js';

const clone = <T>(value: T): T => structuredClone(value);

/** Creates an empty in-memory store. */
export function createMemoryStore(): Store {
  const exchangeIds = new Set<string>();
  let exchanges: { seq: number; record: Exchange }[] = [];
  const eventKeys = new Set<string>();
  const events: { seq: number; record: AccountEvent }[] = [];
  const seq = { exchanges: 0, accountEvents: 0 };
  const summaries = new Map<string, AccountSummary>();
  const snapshots = new Map<string, Uint8Array>();
  const campaigns = new Map<string, StoredCampaign>();
  const reviews: ReviewRecord[] = [];
  const overrides = new Map<string, OverrideRecord>();
  const webhooks = new Map<string, WebhookRecord>();
  const deliveries = new Map<string, DeliveryRecord>();
  const auditLog: AuditEntry[] = [];
  const meta = new Map<string, string>();
  let closed = false;
  const open = () => {
    if (closed) throw new Error('store is closed');
  };

  return {
    kind: 'memory',
    async appendExchanges(batch) {
      open();
      const fresh: Exchange[] = [];
      for (const exchange of batch) {
        if (exchangeIds.has(exchange.id)) continue;
        exchangeIds.add(exchange.id);
        exchanges.push({ seq: ++seq.exchanges, record: clone(exchange) });
        fresh.push(exchange);
      }
      return { fresh, seq: seq.exchanges };
    },
    async appendExchangeColumns(batch) {
      open();
      const records = batch.ids.map((_, index) => storedExchange(columnText(batch, index), index));
      const fresh: number[] = [];
      for (const [index, exchange] of records.entries()) {
        if (exchangeIds.has(exchange.id)) continue;
        exchangeIds.add(exchange.id);
        exchanges.push({ seq: ++seq.exchanges, record: exchange });
        fresh.push(index);
      }
      return { fresh, seq: seq.exchanges };
    },
    async appendAccountEvents(batch) {
      open();
      const fresh: AccountEvent[] = [];
      for (const event of batch) {
        const key = accountEventKey(event);
        if (eventKeys.has(key)) continue;
        eventKeys.add(key);
        events.push({ seq: ++seq.accountEvents, record: clone(event) });
        fresh.push(event);
      }
      return { fresh, seq: seq.accountEvents };
    },
    async replay(kind, onBatch, options = {}) {
      open();
      const batchSize = options.batchSize ?? 10_000;
      const after = options.after ?? 0;
      const source: { seq: number; record: unknown }[] = kind === 'exchanges' ? exchanges : events;
      const snapshot = source.filter((entry) => entry.seq > after);
      for (let start = 0; start < snapshot.length; start += batchSize) {
        const slice = snapshot.slice(start, start + batchSize);
        await onBatch(clone(slice.map((entry) => entry.record)) as never, slice[slice.length - 1].seq);
      }
      return snapshot.length;
    },
    async counts() {
      open();
      return { exchanges: exchanges.length, accountEvents: events.length };
    },
    async pruneExchanges(before) {
      open();
      const kept = exchanges.filter((entry) => entry.record.ts >= before);
      const removed = exchanges.length - kept.length;
      exchanges = kept;
      return removed;
    },
    async activity(accounts, bucketMs) {
      open();
      const wanted = new Set(accounts);
      const buckets = new Map<number, number>();
      for (const { record: exchange } of exchanges) {
        if (!wanted.has(exchange.account)) continue;
        const bucket = Math.floor(exchange.ts / bucketMs) * bucketMs;
        buckets.set(bucket, (buckets.get(bucket) ?? 0) + 1);
      }
      return [...buckets.entries()].sort(([a], [b]) => a - b).map(([ts, count]) => ({ ts, count }));
    },
    async putSummaries(list) {
      open();
      for (const summary of list) summaries.set(summary.account, clone(summary));
    },
    async getSummary(account) {
      open();
      const summary = summaries.get(account);
      return summary ? clone(summary) : null;
    },
    async putSnapshot(name, data) {
      open();
      snapshots.set(name, new Uint8Array(data));
    },
    async getSnapshot(name) {
      open();
      const data = snapshots.get(name);
      return data ? new Uint8Array(data) : null;
    },
    async putCampaign(campaign: CampaignResult, entry?: CampaignHistoryEntry) {
      open();
      const history = campaigns.get(campaign.id)?.history ?? [];
      if (entry) history.push(clone(entry));
      campaigns.set(campaign.id, { campaign: clone(campaign), history });
    },
    async getCampaign(id) {
      open();
      const stored = campaigns.get(id);
      return stored ? clone(stored) : null;
    },
    async listCampaigns() {
      open();
      return [...campaigns.values()].map(clone).sort((a, b) => a.campaign.id.localeCompare(b.campaign.id));
    },
    async addReview(review) {
      open();
      reviews.push(clone(review));
    },
    async listReviews() {
      open();
      return clone(reviews);
    },
    async setOverride(override) {
      open();
      overrides.set(override.account, clone(override));
    },
    async clearOverride(account) {
      open();
      return overrides.delete(account);
    },
    async listOverrides() {
      open();
      return [...overrides.values()].map(clone).sort((a, b) => a.account.localeCompare(b.account));
    },
    async addWebhook(webhook) {
      open();
      webhooks.set(webhook.id, clone(webhook));
    },
    async listWebhooks() {
      open();
      return [...webhooks.values()]
        .map(clone)
        .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
    },
    async removeWebhook(id) {
      open();
      return webhooks.delete(id);
    },
    async putDelivery(delivery) {
      open();
      deliveries.set(delivery.id, clone(delivery));
    },
    async dueDeliveries(now, limit = 100) {
      open();
      return [...deliveries.values()]
        .filter((delivery) => delivery.state === 'pending' && delivery.nextAttemptAt <= now)
        .sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || a.id.localeCompare(b.id))
        .slice(0, limit)
        .map(clone);
    },
    async listDeliveries() {
      open();
      return [...deliveries.values()].map(clone);
    },
    async audit(entry) {
      open();
      auditLog.push(clone(entry));
    },
    async listAudit(limit = 100) {
      open();
      return auditLog.slice(-limit).reverse().map(clone);
    },
    async getMeta(key) {
      open();
      return meta.get(key) ?? null;
    },
    async setMeta(key, value) {
      open();
      meta.set(key, value);
    },
    async close() {
      closed = true;
    },
  };
}
