/** The action wrapper alone: guards, lib and audit log stand in, so each step can be watched. */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Member } from "@/lib/auth/guards";
import { AdminAccessDenied } from "@/lib/staff/authz";
import { formAction, objectAction, submitAction } from "./action";

class Interrupt extends Error {}

const calls = vi.hoisted(() => ({ log: [] as string[], member: null as Member | null }));

vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw new Interrupt(`redirect ${to}`);
  },
  forbidden: () => {
    throw new Interrupt("forbidden");
  },
}));

vi.mock("@/lib/auth/guards", () => {
  const admit = (guard: string) => async (from: string) => {
    calls.log.push(`${guard} ${from}`);
    if (!calls.member) throw new Interrupt(`redirect /login?next=${from}`);
    return calls.member;
  };
  return { requireMember: admit("member"), requireStaff: admit("staff"), requireAdmin: admit("admin") };
});

vi.mock("@/lib/staff/audit", () => ({
  audit: async (actor: { email: string }, action: string, target: string | null, detail?: Record<string, unknown>) => {
    calls.log.push(`audit ${actor.email} ${action} ${target} ${JSON.stringify(detail ?? null)}`);
  },
}));

const editor: Member = { kind: "member", userId: "u1", email: "ed@example.com", role: "editor", subscriptions: [], grants: [] };

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
};

const Named = z.object({ name: z.string().min(2, "Name is too short."), note: z.string().max(3, "Note is too long.") });

beforeEach(() => {
  calls.log = [];
  calls.member = editor;
});

describe("formAction", () => {
  it("runs the guard before reading the form, so an anonymous caller learns nothing and the body never runs", async () => {
    calls.member = null;
    const body = vi.fn(async () => ({ ok: true }));
    const action = formAction({ guard: "staff", from: "/admin/x", input: Named }, body);
    await expect(action({}, form({ name: "" }))).rejects.toThrow("redirect /login?next=/admin/x");
    expect(body).not.toHaveBeenCalled();
  });

  it("answers invalid input with the first message and one per field", async () => {
    const body = vi.fn(async () => ({ ok: true }));
    const action = formAction({ guard: "staff", from: "/admin/x", input: Named }, body);
    expect(await action({}, form({ name: "a", note: "long" }))).toEqual({
      ok: false,
      error: "Name is too short.",
      fieldErrors: { name: "Name is too short.", note: "Note is too long." },
    });
    expect(body).not.toHaveBeenCalled();
  });

  it("hands the body the parsed input, the member and the raw form", async () => {
    const action = formAction({ guard: "admin", from: "/admin/staff", input: Named }, async (input, { viewer, form: raw }) => ({
      ok: true,
      message: `${input.name} ${viewer.email} ${String(raw.get("extra"))}`,
    }));
    expect(await action({}, form({ name: " Ann", note: "", extra: "kept" }))).toEqual({ ok: true, message: " Ann ed@example.com kept" });
    expect(calls.log).toEqual(["admin /admin/staff"]);
  });

  it("turns lib refusals into messages only, and writes no audit line for them", async () => {
    const audit = () => ({ action: "x.do", target: null });
    const byField = formAction({ guard: "staff", from: "/a", input: Named, audit }, async () => ({
      ok: false as const,
      errors: { form: "Whole form.", name: "Bad name." },
    }));
    expect(await byField({}, form({ name: "Ann", note: "" }))).toEqual({ ok: false, error: "Whole form.", fieldErrors: { name: "Bad name." } });
    const oneMessage = formAction({ guard: "staff", from: "/a", input: Named, audit }, async () => ({
      ok: false as const,
      error: "No.",
      secret: "not for the browser",
    }));
    expect(await oneMessage({}, form({ name: "Ann", note: "" }))).toEqual({ ok: false, error: "No." });
    expect(calls.log.filter((l) => l.startsWith("audit"))).toEqual([]);
  });

  it("makes a lib's AdminAccessDenied Next's 403", async () => {
    const action = formAction({ guard: "staff", from: "/a", input: Named }, async () => {
      throw new AdminAccessDenied("staff");
    });
    await expect(action({}, form({ name: "Ann", note: "" }))).rejects.toThrow("forbidden");
  });

  it("writes the audit line as the member after success", async () => {
    const action = formAction(
      {
        guard: "staff",
        from: "/a",
        input: Named,
        audit: (input, result: { ok: boolean; message: string }) => ({ action: "thing.done", target: input.name, detail: { said: result.message } }),
      },
      async () => ({ ok: true, message: "done" }),
    );
    expect(await action({}, form({ name: "Ann", note: "" }))).toEqual({ ok: true, message: "done" });
    expect(calls.log).toEqual(["staff /a", 'audit ed@example.com thing.done Ann {"said":"done"}']);
  });

  it("lets the body's redirect through", async () => {
    const { redirect } = await import("next/navigation");
    const action = formAction({ guard: "anyone", from: "/login", input: Named }, async () => redirect("/elsewhere"));
    await expect(action({}, form({ name: "Ann", note: "" }))).rejects.toThrow("redirect /elsewhere");
    expect(calls.log).toEqual([]);
  });
});

describe("submitAction", () => {
  it("audits, then goes where redirectTo says", async () => {
    const action = submitAction(
      {
        guard: "staff",
        from: "/admin/sends",
        input: z.object({ sendId: z.string() }),
        audit: ({ sendId }, { n }: { n: number }) => ({ action: "send.retry", target: sendId, detail: { n } }),
        redirectTo: ({ sendId }, { n }: { n: number }) => `/admin/sends/${sendId}?n=${n}`,
      },
      async () => ({ n: 3 }),
    );
    await expect(action(form({ sendId: "s1" }))).rejects.toThrow("redirect /admin/sends/s1?n=3");
    expect(calls.log).toEqual(["staff /admin/sends", 'audit ed@example.com send.retry s1 {"n":3}']);
  });

  it("sends invalid input to `invalid`, or throws without one", async () => {
    const body = vi.fn(async () => undefined);
    const confirm = z.object({ confirm: z.literal("DELETE") });
    await expect(submitAction({ guard: "member", from: "/account", input: confirm, invalid: "/account?error=confirm" }, body)(form({}))).rejects.toThrow(
      "redirect /account?error=confirm",
    );
    await expect(submitAction({ guard: "member", from: "/account", input: confirm }, body)(form({}))).rejects.toBeInstanceOf(z.ZodError);
    expect(body).not.toHaveBeenCalled();
  });

  it("reads the input first when sign-in must come back to a place made from it", async () => {
    calls.member = null;
    const action = submitAction({ guard: "member", from: ({ plan }) => `/join?plan=${plan}`, input: z.object({ plan: z.enum(["month", "year"]) }) }, async () => undefined);
    await expect(action(form({ plan: "year" }))).rejects.toThrow("redirect /login?next=/join?plan=year");
  });
});

describe("objectAction", () => {
  it("guards, parses the object and returns the body's answer; invalid input throws", async () => {
    const action = objectAction({ guard: "staff", from: "/admin/pieces", input: z.object({ text: z.string().max(3) }) }, async ({ text }) => text.toUpperCase());
    expect(await action({ text: "abc" })).toBe("ABC");
    await expect(action({ text: "abcd" })).rejects.toBeInstanceOf(z.ZodError);
    expect(calls.log).toEqual(["staff /admin/pieces", "staff /admin/pieces"]);
  });
});
