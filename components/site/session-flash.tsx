"use client";

import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { categoryFor } from "./viewer-switch";

// The flags sign-in, sign-out and the return from Checkout leave on the page they land on (lib/site.ts).
const MESSAGES: Record<string, string> = {
  "signed-in": "You’re signed in.",
  "signed-out": "You’re signed out. See you soon.",
  deleted: "Your account was deleted.",
  subscribed: "You’re subscribed. Every analysis is yours to read in full.",
};

/**
 * A one-time status line; the flag is then removed from the address bar. "You're subscribed" is
 * only said when the server agrees the viewer is a subscriber, never on the URL's word alone.
 */
export function SessionFlash({ param }: { param: string }) {
  const path = usePathname();
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    const url = new URL(window.location.href);
    const flag = url.searchParams.get(param);
    const text = flag ? MESSAGES[flag] : undefined;
    if (!text) return;
    let current = true;
    void (flag === "subscribed" ? categoryFor(path).then((c) => c === "subscriber") : Promise.resolve(true)).then((show) => {
      if (!current) return;
      if (show) setMessage(text);
      url.searchParams.delete(param);
      window.history.replaceState(window.history.state, "", `${url.pathname}${url.search}${url.hash}`);
    });
    return () => {
      current = false;
    };
  }, [path, param]);
  return (
    <div className="wrap" role="status" aria-live="polite">
      {message ? <p className="notice session-flash">{message}</p> : null}
    </div>
  );
}
