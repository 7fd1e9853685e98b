import { revalidatePath } from "next/cache";
import { safeEqual } from "@/lib/auth/seal";
import { revalidationSignature } from "@/lib/publishing/refresh";

export const dynamic = "force-dynamic";

/** Lets the job worker refresh the cached public pages. Signed with the app secret; 5-minute window. */
export async function POST(req: Request): Promise<Response> {
  const ts = req.headers.get("x-esm-timestamp") ?? "";
  const sig = req.headers.get("x-esm-signature") ?? "";
  const age = Math.abs(Date.now() - Number(ts));
  if (!/^\d{10,16}$/.test(ts) || age > 5 * 60_000 || !safeEqual(sig, revalidationSignature(ts))) {
    return Response.json({ error: "bad signature" }, { status: 401 });
  }
  revalidatePath("/", "layout");
  return Response.json({ revalidated: true });
}
