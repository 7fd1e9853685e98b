import type { ReactNode } from "react";

/** status: the outcome of an action, read out politely; error: read out at once; info: a plain note. */
export type NoticeTone = "status" | "error" | "info";

const ROLE = { status: "status", error: "alert", info: undefined } as const;

export function Notice({
  tone = "status",
  id,
  className,
  children,
}: {
  tone?: NoticeTone;
  id?: string;
  className?: string;
  children: ReactNode;
}) {
  const classes = ["notice", tone === "error" ? "error" : "", className ?? ""].filter(Boolean).join(" ");
  return (
    <p id={id} className={classes} role={ROLE[tone]}>
      {children}
    </p>
  );
}
