/**
 * In-memory record of every email the stand-in accepted. O(1) append, O(1)
 * lookup by id, and a per-recipient index (bare lower-cased `to` address →
 * ascending sequence numbers) so `?to=` queries don't scan everything.
 */
import { bareAddress, type Tag, type ValidEmail } from "./validation";

export interface RecordedMessage {
  id: string;
  /** 0-based position in the global record (use with `?since=`). */
  seq: number;
  from: string;
  to: string[];
  subject: string;
  html?: string;
  text?: string;
  cc?: string[];
  bcc?: string[];
  replyTo?: string[];
  /** Email headers from the payload's `headers` field (not HTTP headers). */
  headers: Record<string, string>;
  tags?: Tag[];
  scheduledAt?: string;
  topicId?: string;
  attachmentCount?: number;
  /** The HTTP `Idempotency-Key` of the request that created it, if any. */
  idempotencyKey?: string;
  /** Index in the request's array when sent via POST /emails/batch. */
  batchIndex?: number;
  /** Date.now() when recorded. */
  receivedAt: number;
}

export interface MessageQuery {
  /** Only messages whose `to` contains this address (bare address match, case-insensitive). */
  to?: string;
  /** Only messages with seq >= since. Default 0. */
  since?: number;
  /** At most this many messages. Default: no limit. */
  limit?: number;
}

export interface MessagePage {
  messages: RecordedMessage[];
  /** Pass as `since` to continue after this page (equals `total` when everything was returned). */
  next: number;
  /** Number of messages recorded so far (all recipients). */
  total: number;
}

export class MessageStore {
  private list: RecordedMessage[] = [];
  private byId = new Map<string, RecordedMessage>();
  private byRecipient = new Map<string, number[]>();

  add(
    id: string,
    email: ValidEmail,
    meta: { idempotencyKey: string | undefined; batchIndex: number | undefined; receivedAt: number },
  ): RecordedMessage {
    const seq = this.list.length;
    const message: RecordedMessage = { id, seq, ...email, receivedAt: meta.receivedAt };
    if (meta.idempotencyKey !== undefined) message.idempotencyKey = meta.idempotencyKey;
    if (meta.batchIndex !== undefined) message.batchIndex = meta.batchIndex;
    this.list.push(message);
    this.byId.set(id, message);
    const seen = new Set<string>();
    for (const recipient of email.to) {
      const addr = bareAddress(recipient);
      if (addr === null || seen.has(addr)) continue;
      seen.add(addr);
      const seqs = this.byRecipient.get(addr);
      if (seqs) seqs.push(seq);
      else this.byRecipient.set(addr, [seq]);
    }
    return message;
  }

  get(id: string): RecordedMessage | undefined {
    return this.byId.get(id);
  }

  all(): RecordedMessage[] {
    return this.list.slice();
  }

  get size(): number {
    return this.list.length;
  }

  query(q: MessageQuery = {}): MessagePage {
    const total = this.list.length;
    const since = Math.max(0, Math.floor(q.since ?? 0));
    const limit = q.limit === undefined ? Number.POSITIVE_INFINITY : Math.max(0, Math.floor(q.limit));

    if (q.to === undefined) {
      const end = Math.min(total, since + limit);
      const messages = since < end ? this.list.slice(since, end) : [];
      return { messages, next: end, total };
    }

    const addr = bareAddress(q.to) ?? q.to.trim().toLowerCase();
    const seqs = this.byRecipient.get(addr) ?? [];
    // first position with seq >= since
    let lo = 0;
    let hi = seqs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((seqs[mid] ?? 0) < since) lo = mid + 1;
      else hi = mid;
    }
    const messages: RecordedMessage[] = [];
    for (let i = lo; i < seqs.length && messages.length < limit; i++) {
      const m = this.list[seqs[i] ?? 0];
      if (m) messages.push(m);
    }
    const last = messages[messages.length - 1];
    const limited = messages.length >= limit && last !== undefined;
    return { messages, next: limited ? last.seq + 1 : total, total };
  }

  clear(): void {
    this.list = [];
    this.byId.clear();
    this.byRecipient.clear();
  }
}
