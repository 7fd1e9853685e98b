import Link from "next/link";
import type { SendSummary } from "@/lib/newsletter/progress";

/** What a send mailed: a piece, or an alert about one of its signals. */
export function SendTitle({ send, link = false }: { send: Pick<SendSummary, "id" | "kind" | "headline" | "signal">; link?: boolean }) {
  const name = send.kind === "alert" && send.signal ? `Alert: signal ${send.signal.number} marked ${send.signal.status}` : send.headline;
  return (
    <span className="send-title">
      {link ? <Link href={`/admin/sends/${send.id}`}>{name}</Link> : name}
      {send.kind === "alert" ? <span className="meta"> on {send.headline}</span> : null}
    </span>
  );
}
