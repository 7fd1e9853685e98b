/**
 * Batch numbering for a frozen audience: up to BATCH_SIZE deliveries per batch, and every batch
 * holds one variant only (a batch is rendered from one template and sent in one provider call).
 */
export const BATCH_SIZE = 100;

export type Variant = "full" | "teaser";

export class BatchAllocator {
  private nextBatch: number;
  private readonly open = new Map<Variant, { batch: number; filled: number }>();

  constructor(firstBatch = 0) {
    this.nextBatch = firstBatch;
  }

  /** The batch number for the next recipient of `variant`. */
  assign(variant: Variant): number {
    const current = this.open.get(variant);
    if (current && current.filled < BATCH_SIZE) {
      current.filled += 1;
      return current.batch;
    }
    const batch = this.nextBatch++;
    this.open.set(variant, { batch, filled: 1 });
    return batch;
  }
}

/**
 * The provider's idempotency key of one batch. Deterministic, so a batch re-sent after a crash
 * (the provider accepted it but we never recorded that) is a replay, not a second mail. Retry
 * rounds of failed deliveries put them in new batches and say so in the key.
 */
export function batchIdempotencyKey(sendId: string, batch: number, round: number): string {
  return round === 0 ? `send-${sendId}-batch-${batch}` : `send-${sendId}-batch-${batch}-retry-${round}`;
}
