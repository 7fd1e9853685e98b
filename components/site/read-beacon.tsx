"use client";
import { useEffect, useRef } from "react";

/**
 * Counts one read of this piece per page view, once its article is on screen in a visible tab
 * (lib/numbers/reads.ts counts it, per piece and day). First-party, no cookie, nothing stored here.
 */
export function ReadBeacon({ slug }: { slug: string }) {
  const marker = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const article = marker.current?.closest("article");
    if (!article) return;
    let sent = false;
    const send = () => {
      if (sent || document.visibilityState !== "visible") return;
      sent = true;
      observer.disconnect();
      void fetch("/api/reads", { method: "POST", body: JSON.stringify({ slug }), headers: { "content-type": "application/json" }, keepalive: true, credentials: "omit" }).catch(() => undefined);
    };
    let onScreen = false;
    const observer = new IntersectionObserver((entries) => {
      onScreen = entries.some((e) => e.isIntersecting);
      if (onScreen) send();
    });
    observer.observe(article);
    const onVisible = () => onScreen && send();
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      observer.disconnect();
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [slug]);
  return <span ref={marker} hidden />;
}
