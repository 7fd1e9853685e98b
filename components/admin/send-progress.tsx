"use client";

import { useEffect, useState } from "react";

export interface ProgressView {
  total: number;
  sent: number;
  failed: number;
  pending: number;
  status: "pending" | "sending" | "sent" | "failed";
}

const LIVE = new Set(["pending", "sending"]);
const STATE: Record<ProgressView["status"], string> = { pending: "queued", sending: "sending", sent: "finished", failed: "stopped" };

/** A send's progress bar; keeps itself up to date while the send runs. */
export function SendProgress({ sendId, initial, live = true }: { sendId: string; initial: ProgressView; live?: boolean }) {
  const [p, setP] = useState(initial);
  useEffect(() => {
    if (!live || !LIVE.has(p.status)) return;
    const t = setTimeout(async () => {
      const res = await fetch(`/admin/sends/${sendId}/progress`, { cache: "no-store" });
      if (res.ok) setP((await res.json()) as ProgressView);
    }, 1500);
    return () => clearTimeout(t);
  }, [sendId, p, live]);
  const label = `${p.sent} of ${p.total} sent${p.failed ? `, ${p.failed} failed` : ""}`;
  return (
    <div className="send-progress">
      <progress className="progress" max={Math.max(p.total, 1)} value={p.sent} aria-label={`Send progress: ${label}`} />
      <span className="meta" data-testid="send-progress-text" aria-live="polite">
        {label} · {STATE[p.status]}
      </span>
    </div>
  );
}
