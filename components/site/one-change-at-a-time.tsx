"use client";
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ButtonHTMLAttributes, type ReactNode } from "react";
import { useFormStatus } from "react-dom";

interface Changes {
  busy: boolean;
  report: (pending: boolean) => void;
}

const ChangesContext = createContext<Changes | null>(null);

/**
 * Forms that each change one thing and then refresh the page (follow, unfollow, mail preferences):
 * while one is being saved the others' buttons wait, so a second click never races the refresh the
 * first one brings (it was lost when it landed in between). Without JavaScript they are plain forms.
 */
export function OneChangeAtATime({ children }: { children: ReactNode }) {
  const [pending, setPending] = useState(0);
  const report = useCallback((on: boolean) => setPending((n) => Math.max(0, n + (on ? 1 : -1))), []);
  const value = useMemo(() => ({ busy: pending > 0, report }), [pending, report]);
  return <ChangesContext.Provider value={value}>{children}</ChangesContext.Provider>;
}

/** A form's submit button inside OneChangeAtATime: disabled while any of its forms is being saved. */
export function ChangeButton({ disabled, children, ...rest }: Omit<ButtonHTMLAttributes<HTMLButtonElement>, "type">) {
  const { pending } = useFormStatus();
  const changes = useContext(ChangesContext);
  const report = changes?.report;
  useEffect(() => {
    if (!pending || !report) return;
    report(true);
    return () => report(false);
  }, [pending, report]);
  return (
    <button {...rest} type="submit" disabled={disabled || pending || (changes?.busy ?? false)} aria-busy={pending || undefined}>
      {children}
    </button>
  );
}
