import type { RejectedRow } from "@/lib/staff/import";

/**
 * What every form's server action hands back to useActionState. Plain types: client components
 * import them, so nothing here may reach the server.
 */
export interface FormState<Field extends string = string> {
  ok?: boolean;
  /** Shown on success. */
  message?: string;
  /** What went wrong, for the whole form. */
  error?: string;
  /** What went wrong, field by field (by the field's name attribute). */
  fieldErrors?: Partial<Record<Field, string>>;
}

/** The signature useActionState expects; pages pass one to their client form as a prop. */
export type FormAction<State extends FormState = FormState> = (prev: State, form: FormData) => Promise<State>;

/** Sign-in forms: the address typed (to keep it in the field), and Auth.js's callback to load as a page. */
export interface SignInState extends FormState {
  email?: string;
  navigateTo?: string;
}

export interface ImportState extends FormState {
  report?: { rows: number; added: number; existing: number; rejected: RejectedRow[]; rejectedTotal: number };
}

/** The cancel flow: the retention offer to show (with the reason given, carried to the next step). */
export interface CancelState extends FormState {
  offer?: string;
  feedback?: string;
  comment?: string;
}

/** The rich editor's image upload: the stored image, ready to insert. */
export interface UploadState extends FormState {
  image?: { src: string; alt: string; width: number; height: number };
}

/** The editor's autosave: the piece's version after it, to send with the next save. */
export interface AutosaveState extends FormState {
  version?: string;
  /** Written onto the draft, or (a published piece) kept as a revision only. */
  kept?: "draft" | "revision";
}
