import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { pieces, staffProfiles } from "@/db/schema";
import { renderNewPiece, UNSUBSCRIBE_PLACEHOLDER, type NewPieceProps, type RenderedEmail } from "@/emails/render";
import type { AccessProof, Visibility } from "@/lib/access/rule";
import { config } from "@/lib/env";
import { renderMarkdownForMail } from "@/lib/pieces/markdown";
import { readAnalysis } from "@/lib/pieces/queries";
import { readAssessment, readRiskHook } from "@/lib/pieces/risk";
import { joinHref, pieceHref } from "@/lib/site";
import { formatDate } from "@/lib/format";
import { mailPublication } from "@/lib/mail/publication";
import { mailPreheader, mailSubject } from "./mail-heading";

/**
 * The "new piece" mail of one piece, rendered once per variant with the unsubscribe
 * placeholder (recipients' links go in later by substitution). The teaser variant is built
 * from teaser columns only; the full variant needs an AccessProof to read the analysis.
 */
export interface PieceForMail {
  id: string;
  slug: string;
  headline: string;
  category: string;
  visibility: Visibility;
  teaser: string;
  ctaPitch: string;
  ctaButton: string;
  emailSubject: string | null;
  emailPreheader: string | null;
  publishAt: Date | null;
  updatedAt: Date;
  sourceOutlet: string | null;
  sourceHeadline: string | null;
  sourceUrl: string | null;
  /** The byline: the author's profile name, else the name the piece was imported with. */
  author: string | null;
}

export interface MailTemplate extends RenderedEmail {
  subject: string;
}

export async function pieceForMail(d: Db, pieceId: string): Promise<PieceForMail | null> {
  const [row] = await d
    .select({
      id: pieces.id,
      slug: pieces.slug,
      headline: pieces.headline,
      category: pieces.category,
      visibility: pieces.visibility,
      teaser: pieces.teaser,
      ctaPitch: pieces.ctaPitch,
      ctaButton: pieces.ctaButton,
      emailSubject: pieces.emailSubject,
      emailPreheader: pieces.emailPreheader,
      publishAt: pieces.publishAt,
      updatedAt: pieces.updatedAt,
      sourceOutlet: pieces.sourceOutlet,
      sourceHeadline: pieces.sourceHeadline,
      sourceUrl: pieces.sourceUrl,
      authorName: pieces.authorName,
      profileName: staffProfiles.displayName,
    })
    .from(pieces)
    .leftJoin(staffProfiles, eq(staffProfiles.userId, pieces.authorId))
    .where(eq(pieces.id, pieceId));
  if (!row) return null;
  const { authorName, profileName, ...rest } = row;
  return { ...rest, author: profileName ?? authorName };
}

function baseProps(piece: PieceForMail, teaserHtml: string): Omit<NewPieceProps, "variant" | "teaserHtml" | "analysisHtml" | "joinUrl" | "pitch" | "buttonText" | "assessment" | "riskHook"> {
  const cfg = config();
  return {
    publication: mailPublication(),
    preheader: mailPreheader(piece, teaserHtml),
    piece: {
      headline: piece.headline,
      category: piece.category,
      url: `${cfg.appUrl}${pieceHref(piece.slug)}`,
      publishedAt: formatDate(piece.publishAt ?? piece.updatedAt),
      ...(piece.author ? { author: piece.author } : {}),
      ...(piece.sourceOutlet && piece.sourceHeadline
        ? { source: { outlet: piece.sourceOutlet, headline: piece.sourceHeadline, ...(piece.sourceUrl ? { url: piece.sourceUrl } : {}) } }
        : {}),
    },
    unsubscribeUrl: UNSUBSCRIBE_PLACEHOLDER,
  };
}

/** The teaser variant carries the assessment's public hook only: level and vector names. */
export async function renderTeaserMail(piece: PieceForMail): Promise<MailTemplate> {
  const cfg = config();
  const hook = await readRiskHook(piece.id);
  const teaserHtml = renderMarkdownForMail(piece.teaser, "teaser", cfg.appUrl);
  const rendered = await renderNewPiece({
    ...baseProps(piece, teaserHtml),
    variant: "teaser",
    teaserHtml,
    joinUrl: `${cfg.appUrl}${joinHref(pieceHref(piece.slug))}`,
    pitch: piece.ctaPitch,
    buttonText: piece.ctaButton,
    ...(hook ? { riskHook: hook } : {}),
  });
  return { subject: mailSubject(piece), ...rendered };
}

export async function renderFullMail(piece: PieceForMail, proof: AccessProof): Promise<MailTemplate> {
  if (proof.pieceId !== piece.id) throw new Error("access proof is for another piece");
  const cfg = config();
  const [analysis, assessment] = await Promise.all([readAnalysis(proof), readAssessment(proof)]);
  const teaserHtml = renderMarkdownForMail(piece.teaser, "teaser", cfg.appUrl);
  const rendered = await renderNewPiece({
    ...baseProps(piece, teaserHtml),
    variant: "full",
    teaserHtml,
    analysisHtml: renderMarkdownForMail(analysis, "analysis", cfg.appUrl),
    ...(assessment ? { assessment } : {}),
  });
  return { subject: mailSubject(piece), ...rendered };
}
