/** The newsroom's default mail audience: admins change it, audited; everyone else is refused (PGlite, and PostgreSQL when DATABASE_URL is set). */
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { databaseKinds, useTestDatabase } from "@/test-support/database";
import { auditLog, users } from "@/db/schema";
import type { Role, Viewer } from "@/lib/access/rule";
import { AdminAccessDenied } from "./authz";
import { defaultMailAudience, setDefaultMailAudience } from "./settings";

const viewerOf = (userId: string, email: string, role: Role) => ({ kind: "member", userId, email, role, subscriptions: [], grants: [] }) satisfies Viewer;

describe.each(databaseKinds())("newsroom settings on %s", (kind) => {
  const t = useTestDatabase(kind);
  const v: Partial<Record<"admin" | "editor", ReturnType<typeof viewerOf>>> = {};
  beforeAll(async () => {
    const [a, e] = await t.db.insert(users).values([{ email: "boss@example.com", role: "admin" }, { email: "desk@example.com", role: "editor" }]).returning({ id: users.id });
    v.admin = viewerOf(a!.id, "boss@example.com", "admin");
    v.editor = viewerOf(e!.id, "desk@example.com", "editor");
  });

  it("starts at everyone; an editor may not change it, an admin may, and it is audited", async () => {
    expect(await defaultMailAudience()).toBe("everyone");
    await expect(setDefaultMailAudience(v.editor!, "paid")).rejects.toBeInstanceOf(AdminAccessDenied);
    expect(await defaultMailAudience()).toBe("everyone");
    await setDefaultMailAudience(v.admin!, "paid");
    expect(await defaultMailAudience()).toBe("paid");
    await setDefaultMailAudience(v.admin!, "none");
    expect(await defaultMailAudience()).toBe("none");
    const lines = await t.db.select({ detail: auditLog.detail }).from(auditLog).where(eq(auditLog.action, "settings.default-mail-audience"));
    expect(lines.map((l) => l.detail)).toEqual(expect.arrayContaining([{ audience: "paid" }, { audience: "none" }]));
  });
});
