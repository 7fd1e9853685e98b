import "server-only";
import { currentPolicy } from "@/lib/access/policy";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/lib/db";
import { users } from "@/db/schema";
import { decideAccess, isStaff, type Viewer } from "@/lib/access/rule";
import { EmailAddress } from "@/lib/auth/email";
import { config } from "@/lib/env";
import { sendMail } from "@/lib/mail/transport";
import { authorizeStaff } from "@/lib/staff/authz";
import { composeEmail } from "./compose";
import { pieceForMail, renderFullMail } from "./piece-mail";
import { compileTemplate } from "./substitute";
import { viewersOf } from "./viewers";

/**
 * A test of a piece's new-piece mail, full variant, to one staff address (through sendMail:
 * Resend, or the outbox in demo mode). Sent by staff only, to the address of an editor or admin:
 * the access proof for the full analysis is that staff member's own.
 */
export class TestEmailError extends Error {
  override name = "TestEmailError";
}

const inputSchema = z.object({ pieceId: z.string().trim().min(1).max(100), toEmail: EmailAddress });

export async function sendTestEmail(staff: Viewer, pieceId: string, toEmail: string): Promise<{ id: string }> {
  await authorizeStaff(staff);
  const input = inputSchema.safeParse({ pieceId, toEmail });
  if (!input.success) throw new TestEmailError(input.error.issues.map((i) => i.message).join("; "));
  const d = await db();
  const [person] = await d
    .select({ id: users.id, email: users.email, role: users.role })
    .from(users)
    .where(sql`lower(${users.email}) = ${input.data.toEmail}`);
  const viewer = person ? (await viewersOf(d, [person])).get(person.id) : undefined;
  if (!person || !viewer || !isStaff(viewer)) throw new TestEmailError("Test mails go to the address of an editor or admin only.");
  const piece = await pieceForMail(d, input.data.pieceId);
  if (!piece) throw new TestEmailError("That piece does not exist.");
  const decision = decideAccess(viewer, piece, currentPolicy());
  if (!decision.allowed) throw new TestEmailError("This address may not read the full analysis.");
  const template = await renderFullMail(piece, decision.proof);
  const cfg = config();
  const mail = composeEmail(compileTemplate({ ...template, subject: `[Test] ${template.subject}` }), { userId: person.id, email: person.email }, {
    from: cfg.mailFrom,
    appUrl: cfg.appUrl,
    secret: cfg.authSecret,
    mail: "pieces",
  });
  return sendMail({ to: mail.to, subject: mail.subject, html: mail.html, text: mail.text, headers: mail.headers });
}
