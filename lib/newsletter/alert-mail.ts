import "server-only";
import { renderSignalAlert, signalAlertSubject, UNSUBSCRIBE_PLACEHOLDER } from "@/emails/render";
import type { AccessProof } from "@/lib/access/rule";
import { config } from "@/lib/env";
import { formatDate } from "@/lib/format";
import { mailPublication } from "@/lib/mail/publication";
import { readAssessment, readRiskHook } from "@/lib/pieces/risk";
import { readSignalChange, type SignalChangeHead } from "@/lib/pieces/signal-change";
import { joinHref, joinLabel, pieceHref } from "@/lib/site";
import type { MailTemplate } from "./piece-mail";

/**
 * The alert mail of one signal change, rendered once per variant like a new piece's mail. The
 * teaser variant is built from the change's public head (which piece, when) and the piece's
 * public hook; the full variant needs an AccessProof for the piece to read the signal, the note
 * and the assessment.
 */
function base(head: SignalChangeHead) {
  const cfg = config();
  return {
    publication: mailPublication(),
    piece: { headline: head.piece.headline, category: head.piece.category, url: `${cfg.appUrl}${pieceHref(head.piece.slug)}` },
    triggeredAt: formatDate(head.at),
    unsubscribeUrl: UNSUBSCRIBE_PLACEHOLDER,
  };
}

export async function renderTeaserAlert(head: SignalChangeHead): Promise<MailTemplate> {
  const cfg = config();
  const hook = await readRiskHook(head.pieceId);
  const rendered = await renderSignalAlert({
    ...base(head),
    variant: "teaser",
    joinUrl: `${cfg.appUrl}${joinHref(pieceHref(head.piece.slug))}`,
    buttonText: joinLabel(cfg.publication.name),
    ...(hook ? { riskHook: hook } : {}),
  });
  return { subject: signalAlertSubject(head.piece.headline), ...rendered };
}

/** Null when the change or the assessment is gone (nothing to tell). */
export async function renderFullAlert(head: SignalChangeHead, proof: AccessProof): Promise<MailTemplate | null> {
  if (proof.pieceId !== head.pieceId) throw new Error("access proof is for another piece");
  const [change, assessment] = await Promise.all([readSignalChange(proof, head.changeId), readAssessment(proof)]);
  if (!change || !assessment) return null;
  const rendered = await renderSignalAlert({
    ...base(head),
    variant: "full",
    signal: { statement: change.statement, indicator: change.indicator },
    note: change.note,
    assessment,
  });
  return { subject: signalAlertSubject(head.piece.headline), ...rendered };
}
