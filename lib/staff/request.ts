import "server-only";
import { forbidden } from "next/navigation";
import { AdminAccessDenied } from "./authz";

export { currentPolicy } from "@/lib/access/policy";

/**
 * For route handlers, and lib/actions for every action: a lib entry point's refusal (someone
 * demoted after the route's own guard ran) becomes Next's 403, like requireStaff's.
 */
export async function orForbidden<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (err instanceof AdminAccessDenied) forbidden();
    throw err;
  }
}
