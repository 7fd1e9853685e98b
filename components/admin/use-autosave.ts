"use client";

import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import type { AutosaveState, FormAction } from "@/lib/actions/form-state";

/** Quiet this long after the last change before the editor saves by itself. */
export const AUTOSAVE_DELAY_MS = 2_500;
const RETRY_MS = 5_000;

/**
 * The piece editor's autosave: the whole form through `action` a few seconds after the last change,
 * and at once when the tab is hidden; one request at a time, with the version each answer hands
 * back (sent by the form's next save too). A refusal (a conflict, an invalid field) is shown and
 * waits for the next change; a failed request is retried.
 */
export function useAutosave({
  formRef,
  action,
  initialVersion,
  submitting,
  onSaved,
}: {
  formRef: RefObject<HTMLFormElement | null>;
  action: FormAction<AutosaveState> | undefined;
  initialVersion: string;
  submitting: RefObject<boolean>;
  /** After an autosave that caught every change so far. */
  onSaved: (kept: "draft" | "revision") => void;
}) {
  const [version, setVersion] = useState(initialVersion);
  const [status, setStatus] = useState("");
  const [inFlight, setInFlight] = useState(false);
  const versionRef = useRef(initialVersion);
  const changes = useRef(0);
  const saved = useRef(0);
  const busy = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onSavedRef = useRef(onSaved);
  // The timers call the latest run (which reschedules itself) through this.
  const runRef = useRef<() => Promise<void>>(async () => {});
  useEffect(() => {
    onSavedRef.current = onSaved;
  });
  const later = useCallback((ms: number) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void runRef.current(), ms);
  }, []);

  const run = useCallback(async (): Promise<void> => {
    const form = formRef.current;
    if (!form || !action || submitting.current || changes.current === saved.current) return;
    if (busy.current) {
      later(AUTOSAVE_DELAY_MS);
      return;
    }
    busy.current = true;
    setInFlight(true);
    const upTo = changes.current;
    setStatus("Saving…");
    const data = new FormData(form);
    data.set("version", versionRef.current);
    try {
      const r = await action({}, data);
      if (r.ok && r.version) {
        versionRef.current = r.version;
        setVersion(r.version);
        saved.current = upTo;
        setStatus(r.message ?? "Saved");
        if (upTo === changes.current) onSavedRef.current(r.kept ?? "revision");
      } else {
        // Refused: say why, and wait for the next change.
        saved.current = upTo;
        setStatus(r.error ?? "Couldn't save: check the form.");
      }
    } catch {
      setStatus("Couldn't save — retrying");
      later(RETRY_MS);
    } finally {
      busy.current = false;
      setInFlight(false);
    }
  }, [action, formRef, submitting, later]);
  useEffect(() => {
    runRef.current = run;
  }, [run]);

  const changed = useCallback(() => {
    if (!action) return;
    changes.current += 1;
    later(AUTOSAVE_DELAY_MS);
  }, [action, later]);

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === "hidden") void run();
    };
    document.addEventListener("visibilitychange", onHide);
    return () => {
      document.removeEventListener("visibilitychange", onHide);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [run]);

  return { version, status, inFlight, changed };
}
