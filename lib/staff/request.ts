import { forbidden } from "next/navigation";
import type { AccessPolicy } from "@/lib/access/rule";
import { config } from "@/lib/env";
import { AdminAccessDenied } from "./authz";

/** The access policy for this request: now, and the configured payment grace period. */
export function currentPolicy(): AccessPolicy {
  return { now: new Date(), paymentGraceDays: config().paymentGraceDays };
}

/**
 * For actions and route handlers: a lib entry point's refusal (someone demoted after the
 * route's own guard ran) becomes Next's 403, like requireStaff's.
 */
export async function orForbidden<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (err instanceof AdminAccessDenied) forbidden();
    throw err;
  }
}

/** What the staff forms' actions return to useActionState. */
export interface FormState {
  ok?: boolean;
  message?: string;
  error?: string;
  fieldErrors?: Partial<Record<string, string>>;
}
