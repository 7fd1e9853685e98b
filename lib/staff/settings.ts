import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/lib/db";
import { MAIL_AUDIENCES, settings, type MailAudience } from "@/db/schema";
import type { Viewer } from "@/lib/access/rule";
import { audit } from "./audit";
import { authorizeAdmin } from "./authz";

/** The newsroom's settings, each a key with its schema and the value it has until an admin sets one. */
const SETTINGS = {
  defaultMailAudience: { schema: z.enum(MAIL_AUDIENCES), fallback: "everyone" as MailAudience },
} as const;

export const DefaultMailAudienceInput = z.object({
  audience: z.enum(MAIL_AUDIENCES, { error: "Choose Everyone, Paid subscribers only or No email." }),
});

/** Who a new piece is mailed to unless the editor chooses otherwise in the confirmation. */
export async function defaultMailAudience(): Promise<MailAudience> {
  const d = await db();
  const [row] = await d.select({ value: settings.value }).from(settings).where(eq(settings.key, "defaultMailAudience"));
  const parsed = SETTINGS.defaultMailAudience.schema.safeParse(row?.value);
  return parsed.success ? parsed.data : SETTINGS.defaultMailAudience.fallback;
}

/** Admins only; audited in the same transaction. */
export async function setDefaultMailAudience(viewer: Viewer, audience: MailAudience): Promise<void> {
  const actor = await authorizeAdmin(viewer);
  const value = SETTINGS.defaultMailAudience.schema.parse(audience);
  const d = await db();
  await d.transaction(async (tx) => {
    await tx
      .insert(settings)
      .values({ key: "defaultMailAudience", value, updatedBy: actor.userId })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedBy: actor.userId, updatedAt: new Date() } });
    await audit(actor, "settings.default-mail-audience", null, { audience: value }, tx);
  });
}
