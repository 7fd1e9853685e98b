/** Exponential backoff with "equal jitter": half the step fixed, half random. Bounded by `maxMs`. */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

export function backoffMs(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const step = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + (step / 2) * random());
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
