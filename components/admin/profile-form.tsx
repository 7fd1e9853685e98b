"use client";

import { useKeptForm } from "@/components/ui/use-kept-form";
import type { FormAction } from "@/lib/actions/form-state";
import { FormOutcome } from "@/components/ui/form-outcome";

export interface ProfileFormValues {
  userId: string;
  displayName: string;
  bio: string;
  photoUrl: string;
}

/** A staff profile: display name, short bio, photo address (https or nothing). */
export function ProfileForm({ action, initial }: { action: FormAction; initial: ProfileFormValues }) {
  const { state, pending, formProps } = useKeptForm(action, {});
  const e = state.fieldErrors ?? {};
  const described = (name: string, hint?: string) => [hint, e[name] ? `e-${name}` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <form className="form" {...formProps} noValidate>
      <input type="hidden" name="userId" value={initial.userId} />
      <label>
        Display name
        <input name="displayName" type="text" required maxLength={80} defaultValue={initial.displayName} aria-invalid={e.displayName ? true : undefined} aria-describedby={described("displayName")} />
      </label>
      {e.displayName ? <span className="field-error" id="e-displayName">{e.displayName}</span> : null}
      <label>
        Short bio
        <textarea name="bio" rows={3} maxLength={500} defaultValue={initial.bio} aria-invalid={e.bio ? true : undefined} aria-describedby={described("bio")} />
      </label>
      {e.bio ? <span className="field-error" id="e-bio">{e.bio}</span> : null}
      <label>
        Photo address
        <input name="photoUrl" type="url" maxLength={500} defaultValue={initial.photoUrl} placeholder="https://…" aria-invalid={e.photoUrl ? true : undefined} aria-describedby={described("photoUrl", "h-photoUrl")} />
      </label>
      <p className="field-hint" id="h-photoUrl">
        An https:// address of a square photo, or leave empty.
      </p>
      {e.photoUrl ? <span className="field-error" id="e-photoUrl">{e.photoUrl}</span> : null}
      <FormOutcome state={state} errorShownByField={Boolean(state.fieldErrors)} />
      <div>
        <button className="button" type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save profile"}
        </button>
      </div>
    </form>
  );
}
