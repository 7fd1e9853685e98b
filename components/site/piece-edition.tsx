import type { ReactNode } from "react";
import type { PieceBody } from "@/lib/pieces/reading";
import type { RiskForViewer } from "@/lib/risk/types";
import { RiskCard } from "./risk-card";
import type { FollowControls } from "./risk-follow";

/**
 * The part of a piece page that depends on its reader: the risk card (hook or whole), the analysis
 * or the paywall, and the end of the page. Rendered on the server for one viewer (/read, previews)
 * and by the cached page's island once it knows the viewer (reader-edition.tsx).
 */
export function PieceEdition({
  body,
  risk,
  follow,
  paywall,
  subscribeBox,
  more,
}: {
  body: PieceBody;
  risk?: RiskForViewer | undefined;
  follow?: FollowControls | undefined;
  paywall: ReactNode;
  subscribeBox: ReactNode;
  more: ReactNode;
}) {
  return (
    <>
      {risk ? <RiskCard risk={risk} {...(follow ? { follow } : {})} /> : null}
      {body.kind === "full" ? (
        <>
          <hr className="analysis-rule" />
          <div className="prose analysis-body" dangerouslySetInnerHTML={{ __html: body.analysisHtml }} />
        </>
      ) : (
        paywall
      )}
      <footer className="piece-end">
        {body.kind === "full" ? subscribeBox : null}
        {more}
      </footer>
    </>
  );
}
