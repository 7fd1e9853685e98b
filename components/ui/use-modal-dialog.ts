"use client";

import { useEffect, useEffectEvent, useRef, type RefObject } from "react";

/** A native `<dialog>` shown modally while `open`; `onOpen` runs each time it opens (to reset its state). */
export function useModalDialog(open: boolean, onOpen: () => void): RefObject<HTMLDialogElement | null> {
  const ref = useRef<HTMLDialogElement>(null);
  const opening = useEffectEvent(onOpen);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opening();
      dialog.showModal();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return ref;
}
