"use client";

import { useState } from "react";
import { useModalDialog } from "@/components/ui/use-modal-dialog";
import { createPortal } from "react-dom";
import type { FormAction, UploadState } from "@/lib/actions/form-state";

/** The image button's dialog: a file and its text alternative (required), uploaded before it is inserted. */
export function ImageDialog({
  open,
  upload,
  onInsert,
  onClose,
}: {
  open: boolean;
  upload: FormAction<UploadState>;
  onInsert: (image: NonNullable<UploadState["image"]>) => void;
  onClose: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ref = useModalDialog(open, () => setError(null));

  // Outside the piece's form (a form may not hold another), so it lives at the end of the body.
  return createPortal(
    <dialog ref={ref} className="mail-dialog image-dialog" aria-labelledby="image-dialog-title" onCancel={onClose}>
      <form
        className="form"
        onSubmit={async (ev) => {
          ev.preventDefault();
          // React clears currentTarget once the handler yields.
          const form = ev.currentTarget;
          setBusy(true);
          setError(null);
          try {
            const state = await upload({}, new FormData(form));
            if (state.image) {
              form.reset();
              onInsert(state.image);
            } else setError(state.error ?? "The image was not uploaded.");
          } catch {
            setError("The upload failed; try again.");
          } finally {
            setBusy(false);
          }
        }}
      >
        <h2 id="image-dialog-title">Insert an image</h2>
        {error ? (
          <p className="notice error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="editor-field">
          <label htmlFor="image-file">Image file</label>
          <span className="field-hint" id="image-file-hint">PNG, JPEG, WebP, GIF or AVIF, at most 8 MB. Wider images are scaled to 1,600 px.</span>
          <input id="image-file" name="file" type="file" accept="image/png,image/jpeg,image/webp,image/gif,image/avif" required aria-describedby="image-file-hint" />
        </div>
        <div className="editor-field">
          <label htmlFor="image-alt">Alt text</label>
          <span className="field-hint" id="image-alt-hint">What the image shows, for readers who cannot see it.</span>
          <input id="image-alt" name="alt" type="text" required maxLength={300} aria-describedby="image-alt-hint" />
        </div>
        <div className="editor-actions">
          <button className="button" type="submit" disabled={busy}>
            {busy ? "Uploading…" : "Insert image"}
          </button>
          <button className="button secondary" type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>,
    document.body,
  );
}
