import "server-only";
import { Resend } from "resend";
import { desc } from "drizzle-orm";
import { db } from "@/lib/db";
import type { Db } from "@/db/client";
import { outbox } from "@/db/schema";
import { config } from "@/lib/env";

export interface OutgoingMail {
  to: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
}

/** Where an outbox row is written: the database, or the transaction that decided to send. */
export type OutboxWriter = Pick<Db, "insert">;

export interface SendOptions {
  /** The provider drops a second send with the same key (Resend keeps keys for 24 hours). */
  idempotencyKey?: string;
  via?: OutboxWriter;
}

export interface SentMail {
  id: string;
}

const store = globalThis as unknown as { esmResend?: Resend };

export function resendClient(): Resend | undefined {
  const r = config().resend;
  if (!r) return undefined;
  store.esmResend ??= new Resend(r.apiKey, r.baseUrl ? { baseUrl: r.baseUrl } : undefined);
  return store.esmResend;
}

/** One transactional mail: through Resend when configured, else into the local outbox. */
export async function sendMail(mail: OutgoingMail, opts: SendOptions = {}): Promise<SentMail> {
  const from = config().mailFrom;
  const resend = resendClient();
  if (resend) {
    const { data, error } = await resend.emails.send(
      { from, ...mail },
      opts.idempotencyKey ? { idempotencyKey: opts.idempotencyKey } : undefined,
    );
    if (error || !data) throw new Error(`mail to ${mail.to} failed: ${error?.message ?? "no id"}`);
    return { id: data.id };
  }
  const [row] = await (opts.via ?? (await db()))
    .insert(outbox)
    .values({ from, to: mail.to, subject: mail.subject, html: mail.html, text: mail.text, headers: mail.headers ?? {} })
    .returning({ id: outbox.id });
  if (!row) throw new Error("outbox insert returned nothing");
  return { id: row.id };
}

export async function listOutbox(limit = 200) {
  return (await db()).select().from(outbox).orderBy(desc(outbox.createdAt), desc(outbox.id)).limit(limit);
}
