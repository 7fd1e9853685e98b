import { z } from "zod";
import { invalidateThisProcess } from "@/lib/cache/invalidate";
import { verifyInternalHeaders } from "@/lib/cache/internal-signature";

export const dynamic = "force-dynamic";

const Body = z.object({ tags: z.array(z.string().min(1).max(256)).min(1).max(100) });

/** Lets a job worker without Redis drop cached pages of the one app instance. Signed with the app secret; 5-minute window. */
export async function POST(req: Request): Promise<Response> {
  if (!verifyInternalHeaders(req.headers)) return Response.json({ error: "bad signature" }, { status: 401 });
  const body = Body.safeParse(await req.json().catch(() => null));
  if (!body.success) return Response.json({ error: "expected { tags: string[] }" }, { status: 400 });
  await invalidateThisProcess(body.data.tags);
  return Response.json({ invalidated: body.data.tags });
}
