import { forbidden, redirect } from "next/navigation";
import { currentViewer } from "@/lib/auth/viewer";
import { isStaff, type Viewer } from "@/lib/access/rule";
import { loginHref } from "@/lib/site";

export type Member = Extract<Viewer, { kind: "member" }>;

/** Pages: a signed-in reader, or a redirect to /login that comes back here. */
export async function requireMember(next: string): Promise<Member> {
  const viewer = await currentViewer();
  if (viewer.kind !== "member") redirect(loginHref(next));
  return viewer;
}

/** Staff pages and actions. Anonymous → /login; a signed-in non-staff reader → 403. */
export async function requireStaff(next = "/admin"): Promise<Member> {
  const viewer = await requireMember(next);
  if (!isStaff(viewer)) forbidden();
  return viewer;
}

export async function requireAdmin(next = "/admin"): Promise<Member> {
  const viewer = await requireStaff(next);
  if (viewer.role !== "admin") forbidden();
  return viewer;
}
