/**
 * Zod schemas for the stand-in's /_test/* control endpoints, shared by the
 * server (request bodies) and client.ts (responses).
 */
import { z } from "zod";
import type { RecordedMessage } from "./message-store";

/** Body of POST /_test/config. `rateLimitPerSecond: null` disables rate limiting. */
export const configPatchSchema = z
  .object({
    rateLimitPerSecond: z.number().int().min(0).nullable().optional(),
    failFraction: z.number().min(0).max(1).optional(),
    latencyMs: z.number().int().min(0).optional(),
  })
  .strict();
export type ConfigPatch = z.infer<typeof configPatchSchema>;

/** Response of GET/POST /_test/config. */
export const configSchema = z.object({
  rateLimitPerSecond: z.number().nullable(),
  failFraction: z.number(),
  latencyMs: z.number(),
  seed: z.number(),
});
export type StandinConfig = z.infer<typeof configSchema>;

export const requestCountSchema = z.object({
  total: z.number(),
  rateLimited: z.number(),
  failed: z.number(),
  idempotentReplays: z.number(),
});
export type RequestCount = z.infer<typeof requestCountSchema>;

/** Response of GET /_test/stats: requestCount() plus the number of recorded messages. */
export const statsSchema = requestCountSchema.extend({ messages: z.number() });
export type StandinStats = z.infer<typeof statsSchema>;

const tagSchema = z.object({ name: z.string(), value: z.string() });

export const recordedMessageSchema: z.ZodType<RecordedMessage> = z.object({
  id: z.string(),
  seq: z.number(),
  from: z.string(),
  to: z.array(z.string()),
  subject: z.string(),
  html: z.string().optional(),
  text: z.string().optional(),
  cc: z.array(z.string()).optional(),
  bcc: z.array(z.string()).optional(),
  replyTo: z.array(z.string()).optional(),
  headers: z.record(z.string(), z.string()),
  tags: z.array(tagSchema).optional(),
  scheduledAt: z.string().optional(),
  topicId: z.string().optional(),
  attachmentCount: z.number().optional(),
  idempotencyKey: z.string().optional(),
  batchIndex: z.number().optional(),
  receivedAt: z.number(),
});

/** Response of GET /_test/messages. */
export const messagePageSchema = z.object({
  messages: z.array(recordedMessageSchema),
  next: z.number(),
  total: z.number(),
});

/** Query of GET /_test/messages (all optional; numbers arrive as strings). */
export const messageQuerySchema = z.object({
  to: z.string().min(1).optional(),
  since: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(0).optional(),
});
