import { isStaff } from "@/lib/access/rule";
import { sendProgress } from "@/lib/newsletter/progress";
import { currentViewer } from "@/lib/auth/viewer";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  const viewer = await currentViewer();
  if (!isStaff(viewer)) return Response.json({ error: "staff only" }, { status: viewer.kind === "anonymous" ? 401 : 403 });
  const progress = await sendProgress((await ctx.params).id);
  if (!progress) return Response.json({ error: "no such send" }, { status: 404 });
  return Response.json(progress, { headers: { "cache-control": "private, no-store" } });
}
