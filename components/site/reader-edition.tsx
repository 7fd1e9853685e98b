"use client";

import { usePathname } from "next/navigation";
import { useEffect, useState, type ReactNode } from "react";
import type { PieceBody } from "@/lib/pieces/reading";
import type { ReaderEditionWire } from "@/lib/pieces/reader-edition-wire";
import type { RiskForViewer } from "@/lib/risk/types";
import { PieceEdition } from "./piece-edition";
import type { FollowControls } from "./risk-follow";
import { forgetViewerAnswer, viewerAnswerFor } from "./viewer-request";

type FollowAct = FollowControls["followAct"];

/**
 * The viewer's hole in the cached piece page. The server renders the anonymous edition (nothing
 * gated) and the paywalls of signed-in readers; the browser asks /api/read/<slug> (private, no-store)
 * what this viewer gets, and shows it. Until then a paywall keeps its space but stays hidden, so a
 * subscriber never glimpses "Join".
 */
export function ReaderEdition({
  pieceId,
  slug,
  body,
  risk,
  paywalls,
  subscribeBox,
  more,
  followAct,
  unfollowAct,
}: {
  pieceId: string;
  slug: string;
  /** The anonymous edition's body and risk card. */
  body: PieceBody;
  risk: RiskForViewer;
  paywalls: { anonymous: ReactNode; free: ReactNode; pastDue: ReactNode };
  subscribeBox: ReactNode;
  more: ReactNode;
  followAct: FollowAct;
  unfollowAct: FollowAct;
}) {
  const path = usePathname();
  const [answer, setAnswer] = useState<ReaderEditionWire | null>(null);
  const [followed, setFollowed] = useState<Set<string> | null>(null);
  useEffect(() => {
    let current = true;
    void viewerAnswerFor(path).then((a) => {
      if (!current) return;
      setAnswer(a);
      setFollowed(a.edition?.followed ? new Set(a.edition.followed) : null);
    });
    return () => {
      current = false;
    };
  }, [path]);

  const edition = answer?.edition;
  const shared = { subscribeBox, more };
  if (!edition) {
    return (
      <div className="reader-edition" data-viewer={answer?.category ?? "pending"}>
        <PieceEdition body={body} risk={risk} paywall={paywalls.anonymous} {...shared} />
      </div>
    );
  }
  // The form posts and comes back to this page; the buttons change at once, and the next visit asks again.
  const toggling =
    (act: FollowAct): FollowAct =>
    async (form) => {
      const key = `${String(form.get("kind"))}:${String(form.get("target"))}`;
      forgetViewerAnswer();
      setFollowed((prev) => {
        const next = new Set(prev);
        if (!next.delete(key)) next.add(key);
        return next;
      });
      await act(form);
    };
  const follow: FollowControls | undefined = followed
    ? { pieceId, slug, followed, followAct: toggling(followAct), unfollowAct: toggling(unfollowAct) }
    : undefined;
  const paywall = answer.category === "past_due" ? paywalls.pastDue : edition.body.kind === "paywall" && edition.body.reason === "sign-in" ? paywalls.anonymous : paywalls.free;
  return (
    <div className="reader-edition" data-viewer={answer.category}>
      <PieceEdition body={edition.body} risk={edition.assessment ? { kind: "full", assessment: edition.assessment } : risk} follow={follow} paywall={paywall} {...shared} />
    </div>
  );
}
