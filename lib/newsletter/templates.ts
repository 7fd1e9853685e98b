import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sends, sendTemplates } from "@/db/schema";
import { currentPolicy } from "@/lib/access/policy";
import type { Variant } from "./batch-plan";
import { proofForFullVariant } from "./full-variant-proof";
import type { MailTemplate } from "./piece-mail";
import { compileTemplate, type CompiledTemplate } from "./substitute";

/**
 * Each variant of a send is rendered ONCE and stored in `send_templates` until the send
 * finishes: every lane, every worker process and every replay of a batch then sends the same
 * bytes (a replay under an idempotency key must carry the same payload), and a piece edited
 * mid-send doesn't split the audience between two versions. Per process the template is also
 * cached in memory. The only reader of `send_templates`.
 */
const MAX_CACHED = 16;
const cache = new Map<string, Promise<CompiledTemplate | null>>();

async function load(d: Db, sendId: string, variant: Variant): Promise<MailTemplate | null> {
  const [row] = await d
    .select({ subject: sendTemplates.subject, html: sendTemplates.html, text: sendTemplates.text })
    .from(sendTemplates)
    .where(and(eq(sendTemplates.sendId, sendId), eq(sendTemplates.variant, variant)));
  return row ?? null;
}

/** A new piece's mail: the teaser from teaser columns, the full variant only with a proof. */
async function renderPieceVariant(d: Db, sendId: string, pieceId: string, variant: Variant): Promise<MailTemplate | null> {
  // Loaded only when something must be rendered: a worker that only sends never loads React Email.
  const { pieceForMail, renderFullMail, renderTeaserMail } = await import("./piece-mail");
  const piece = await pieceForMail(d, pieceId);
  if (!piece) return null;
  if (variant === "teaser") return renderTeaserMail(piece);
  const proof = await proofForFullVariant(d, sendId, piece, currentPolicy());
  return proof ? renderFullMail(piece, proof) : null;
}

/** A signal alert: the same two variants, about one signal change. */
async function renderAlertVariant(d: Db, sendId: string, changeId: string, variant: Variant): Promise<MailTemplate | null> {
  const [{ signalChangeHead }, { renderFullAlert, renderTeaserAlert }] = await Promise.all([import("@/lib/pieces/signal-change"), import("./alert-mail")]);
  const head = await signalChangeHead(changeId);
  if (!head) return null;
  if (variant === "teaser") return renderTeaserAlert(head);
  const proof = await proofForFullVariant(d, sendId, head.piece, currentPolicy());
  return proof ? renderFullAlert(head, proof) : null;
}

async function renderAndStore(d: Db, sendId: string, variant: Variant): Promise<MailTemplate | null> {
  const stored = await load(d, sendId, variant);
  if (stored) return stored;
  const [send] = await d.select({ pieceId: sends.pieceId, signalChangeId: sends.signalChangeId }).from(sends).where(eq(sends.id, sendId));
  if (!send) return null;
  const rendered =
    send.pieceId !== null
      ? await renderPieceVariant(d, sendId, send.pieceId, variant)
      : send.signalChangeId !== null
        ? await renderAlertVariant(d, sendId, send.signalChangeId, variant)
        : null;
  if (!rendered) return null;
  await d.insert(sendTemplates).values({ sendId, variant, ...rendered }).onConflictDoNothing();
  // Another worker may have stored its rendering first: everyone sends the stored one.
  return load(d, sendId, variant);
}

/** The send's template for a variant; null when it cannot be rendered (piece gone, or no entitled full recipient). */
export function templateFor(d: Db, sendId: string, variant: Variant): Promise<CompiledTemplate | null> {
  const key = `${sendId}:${variant}`;
  let entry = cache.get(key);
  if (!entry) {
    entry = renderAndStore(d, sendId, variant).then((t) => (t === null ? null : compileTemplate(t)));
    cache.set(key, entry);
    // Failures and "cannot render" are not cached: the next batch asks again.
    entry.then(
      (t) => (t === null ? cache.delete(key) : undefined),
      () => cache.delete(key),
    );
    while (cache.size > MAX_CACHED) {
      const oldest = cache.keys().next().value;
      if (oldest === undefined) break;
      cache.delete(oldest);
    }
  }
  return entry;
}

/** Drops a finished send's templates (they hold the full analysis; nobody needs them any more). */
export async function forgetTemplates(d: Db, sendId: string): Promise<void> {
  cache.delete(`${sendId}:full`);
  cache.delete(`${sendId}:teaser`);
  await d.delete(sendTemplates).where(eq(sendTemplates.sendId, sendId));
}
