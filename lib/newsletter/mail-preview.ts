import "server-only";
import { currentPolicy } from "@/lib/access/policy";
import { decideAccess, type Viewer } from "@/lib/access/rule";
import { db } from "@/lib/db";
import { config } from "@/lib/env";
import { renderMarkdown } from "@/lib/pieces/markdown";
import { authorizeStaff } from "@/lib/staff/authz";
import { composeEmail, type OutgoingEmail } from "./compose";
import { mailPreheader } from "./mail-heading";
import { pieceForMail, renderFullMail, renderTeaserMail } from "./piece-mail";
import { compileTemplate } from "./substitute";

/**
 * A piece's new-piece mail as the send would make it, draft or not, for staff only: the same
 * templates and composition (lib/newsletter/piece-mail.ts, compose.ts), both variants, each
 * addressed to the staff member looking (their own unsubscribe link, as a test mail has).
 */
export interface PieceMailPreview {
  from: string;
  subject: string;
  preheader: string;
  full: OutgoingEmail;
  teaser: OutgoingEmail;
}

export async function previewPieceMail(staff: Viewer, pieceId: string): Promise<PieceMailPreview | null> {
  const actor = await authorizeStaff(staff);
  const d = await db();
  const piece = await pieceForMail(d, pieceId);
  if (!piece) return null;
  const decision = decideAccess(staff, piece, currentPolicy());
  if (!decision.allowed) return null;
  const [full, teaser] = await Promise.all([renderFullMail(piece, decision.proof), renderTeaserMail(piece)]);
  const cfg = config();
  const ctx = { from: cfg.mailFrom, appUrl: cfg.appUrl, secret: cfg.authSecret, mail: "pieces" as const };
  const to = { userId: actor.userId, email: actor.email };
  return {
    from: cfg.mailFrom,
    subject: full.subject,
    preheader: mailPreheader(piece, renderMarkdown(piece.teaser)),
    full: composeEmail(compileTemplate(full), to, ctx),
    teaser: composeEmail(compileTemplate(teaser), to, ctx),
  };
}
