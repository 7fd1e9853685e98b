import "server-only";
import { revalidatePath } from "next/cache";
import { config } from "@/lib/env";
import { hmac } from "@/lib/auth/seal";

const PURPOSE = "revalidate";

export function revalidationSignature(timestamp: string): string {
  return hmac(timestamp, config().authSecret, PURPOSE);
}

/** Refresh after a change that is already saved: a failure is logged, not thrown (pages also expire hourly). */
export async function refreshPublicPagesAfterSave(): Promise<void> {
  try {
    await refreshPublicPages();
  } catch (err) {
    console.error("could not refresh the cached public pages; they refresh within the hour", err);
  }
}

/**
 * Refreshes every cached public page (home, categories, pieces, feed, sitemap) at once.
 * Inside a request Next does it directly; from a job (which may run in a separate worker
 * process) we ask the app over HTTP, signed with the app secret.
 */
export async function refreshPublicPages(): Promise<void> {
  try {
    revalidatePath("/", "layout");
    return;
  } catch {
    // not in a request scope: fall through to the HTTP path
  }
  const ts = Date.now().toString();
  const res = await fetch(`${config().appUrl}/api/internal/revalidate`, {
    method: "POST",
    headers: { "x-esm-timestamp": ts, "x-esm-signature": revalidationSignature(ts) },
  });
  if (!res.ok) throw new Error(`revalidate request failed: ${res.status}`);
}
