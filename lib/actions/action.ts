import "server-only";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { requireAdmin, requireMember, requireStaff, type Member } from "@/lib/auth/guards";
import { audit } from "@/lib/staff/audit";
import { orForbidden } from "@/lib/staff/request";
import type { FormState } from "./form-state";
import { formFields, invalidState, refusalState, type Refusal } from "./form-input";

/**
 * Every server action in app/ is made here: the guard (anonymous → /login back to `from`,
 * the wrong role → 403), the input through its zod schema, the body (usually one lib call, which
 * checks the role again), a lib refusal of a demoted caller as 403, and the audit line.
 * redirect() and forbidden() inside a body propagate as Next expects.
 */
export type Guard = "anyone" | "member" | "staff" | "admin";

/** Who is acting: nobody in particular for "anyone", else the signed-in member the guard let through. */
export type Caller<G extends Guard> = G extends "anyone" ? Record<never, never> : { viewer: Member };

export interface AuditEntry {
  action: string;
  target: string | null;
  detail?: Record<string, unknown>;
}

export interface ActionOptions<G extends Guard, Schema extends z.ZodType, Result> {
  guard: G;
  /** Where sign-in comes back to. Made from the input, the input is read before the guard runs. */
  from: string | ((input: z.output<Schema>) => string);
  input: Schema;
  /**
   * The audit line of a staff mutation whose lib call does not write its own; only after success.
   * Annotate its `result` parameter: TypeScript reads options before the body that makes the result.
   */
  audit?: G extends "staff" | "admin" ? (input: z.output<Schema>, result: NoInfer<Result>) => AuditEntry : never;
}

async function admit(guard: Guard, from: string): Promise<Member | null> {
  switch (guard) {
    case "anyone":
      return null;
    case "member":
      return requireMember(from);
    case "staff":
      return requireStaff(from);
    case "admin":
      return requireAdmin(from);
  }
}

function callerOf<G extends Guard>(viewer: Member | null): Caller<G> {
  // admit() returned a member for every guard but "anyone"; TypeScript cannot follow that through G.
  return (viewer ? { viewer } : {}) as Caller<G>;
}

type Parsed<Schema extends z.ZodType> = { ok: true; input: z.output<Schema>; viewer: Member | null } | { ok: false; error: z.ZodError };

/** The guard first, so nobody learns what the form checks before being let in; unless `from` needs the input. */
async function admitAndParse<Schema extends z.ZodType>(
  options: Pick<ActionOptions<Guard, Schema, unknown>, "guard" | "from" | "input">,
  raw: unknown,
): Promise<Parsed<Schema>> {
  const { from } = options;
  if (typeof from === "string") {
    const viewer = await admit(options.guard, from);
    const parsed = await options.input.safeParseAsync(raw);
    return parsed.success ? { ok: true, input: parsed.data, viewer } : { ok: false, error: parsed.error };
  }
  const parsed = await options.input.safeParseAsync(raw);
  if (!parsed.success) return { ok: false, error: parsed.error };
  return { ok: true, input: parsed.data, viewer: await admit(options.guard, from(parsed.data)) };
}

async function writeAudit<I, R>(
  make: ((input: I, result: R) => AuditEntry) | undefined,
  input: I,
  result: R,
  viewer: Member | null,
): Promise<void> {
  if (!make || !viewer) return;
  const entry = make(input, result);
  await audit({ userId: viewer.userId, email: viewer.email }, entry.action, entry.target, entry.detail);
}

function isRefusal(r: unknown): r is Refusal {
  return typeof r === "object" && r !== null && "ok" in r && r.ok === false && ("error" in r || "errors" in r);
}

/** For useActionState forms: `(prev, form) => state`. Invalid input and lib refusals become the form's answer. */
export function formAction<G extends Guard, Schema extends z.ZodType, State extends FormState>(
  options: ActionOptions<G, Schema, State>,
  body: (input: z.output<Schema>, caller: Caller<G> & { form: FormData }) => Promise<State | Refusal>,
): (prev: unknown, form: FormData) => Promise<State | FormState> {
  return async (_prev, form) => {
    const parsed = await admitAndParse(options, formFields(form));
    if (!parsed.ok) return invalidState(parsed.error);
    const { input, viewer } = parsed;
    const result = await orForbidden(body(input, { ...callerOf<G>(viewer), form }));
    // Only the messages: a lib result may carry more than the browser should see.
    if (isRefusal(result)) return "errors" in result ? refusalState(result) : { ok: false, error: result.error };
    await writeAudit(options.audit, input, result, viewer);
    return result;
  };
}

/**
 * For a plain `<form action>` that answers by navigating: invalid input goes to `invalid` (or
 * throws, as the page's own form never sends it), success to `redirectTo` once the audit line is
 * written.
 */
export function submitAction<G extends Guard, Schema extends z.ZodType, Result>(
  options: ActionOptions<G, Schema, Result> & { invalid?: string; redirectTo?: (input: z.output<Schema>, result: NoInfer<Result>) => string },
  body: (input: z.output<Schema>, caller: Caller<G> & { form: FormData }) => Promise<Result>,
): (form: FormData) => Promise<void> {
  return async (form) => {
    const parsed = await admitAndParse(options, formFields(form));
    if (!parsed.ok) {
      if (options.invalid) redirect(options.invalid);
      throw parsed.error;
    }
    const { input, viewer } = parsed;
    const result = await orForbidden(body(input, { ...callerOf<G>(viewer), form }));
    await writeAudit(options.audit, input, result, viewer);
    if (options.redirectTo) redirect(options.redirectTo(input, result));
  };
}

/** For an action the client calls with an object, not a form, and whose answer it reads. Invalid input throws. */
export function objectAction<G extends Guard, Schema extends z.ZodType, Result>(
  options: ActionOptions<G, Schema, Result>,
  body: (input: z.output<Schema>, caller: Caller<G>) => Promise<Result>,
): (input: z.input<Schema>) => Promise<Result> {
  return async (raw) => {
    const parsed = await admitAndParse(options, raw);
    if (!parsed.ok) throw parsed.error;
    const { input, viewer } = parsed;
    const result = await orForbidden(body(input, callerOf<G>(viewer)));
    await writeAudit(options.audit, input, result, viewer);
    return result;
  };
}
