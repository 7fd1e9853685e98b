import { expect, test, type APIRequestContext, type BrowserContext } from "@playwright/test";
import { signInByLink, uniqueEmail } from "./fixtures/auth";
import { firstPaid } from "./fixtures/demo";
import { serverActions, type ServerAction } from "./fixtures/manifest-routes";
import { answeredByAction, callAction, FORM_SHAPES } from "./fixtures/server-action-request";
import { payWith, subscribeFromPiece } from "./fixtures/subscribe";

test.describe.configure({ mode: "serial" });

/** What staff can see of the site's state: every staff list (not the CSV export, which audits its own download) and the outbox. */
const STATE_PAGES = ["/admin", "/admin/audit", "/admin/staff", "/admin/subscribers", "/admin/pieces", "/admin/sends", "/admin/emails"];

const visibleText = (html: string): string =>
  html
    .replace(/<script\b[\s\S]*?<\/script>/gi, "")
    .replace(/<style\b[\s\S]*?<\/style>/gi, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();

async function fingerprint(admin: APIRequestContext): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const path of STATE_PAGES) {
    const res = await admin.get(path);
    expect(res.status(), path).toBe(200);
    out[path] = visibleText(await res.text());
  }
  const mailbox = await admin.get("/dev/mailbox.json");
  out.mailbox = String(((await mailbox.json()) as unknown[]).length);
  return out;
}

/** Staff actions live under app/admin; the guard of every one of them runs before its input is read. */
const isStaffAction = (a: ServerAction): boolean => a.file.includes("app/admin/");

test("every server action in the build, POSTed as anonymous, free reader and subscriber, changes nothing; the same request from staff does", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const actions = serverActions();
  expect(actions.length).toBeGreaterThan(10);
  const promote = actions.find((a) => a.name === "promoteAction");
  if (!promote) throw new Error("the build has no promoteAction");

  const contexts: BrowserContext[] = [];
  const open = async (): Promise<BrowserContext> => {
    const c = await browser.newContext();
    contexts.push(c);
    return c;
  };
  const admin = await open();
  await signInByLink(await admin.newPage(), "admin@example.com", "/admin");
  const readerEmail = uniqueEmail("matrix-reader");
  const reader = await open();
  await signInByLink(await reader.newPage(), readerEmail, "/account");
  const subscriber = await open();
  const subscriberPage = await subscriber.newPage();
  await subscribeFromPiece(subscriberPage, uniqueEmail("matrix-subscriber"), "monthly");
  await payWith(subscriberPage, "4242 4242 4242 4242");
  await subscriberPage.waitForURL((url) => url.pathname === `/p/${firstPaid.slug}`);
  const anonymous = await open();
  // A cookie by the session's name gets past proxy.ts's convenience redirect, so the action's own guard answers.
  const forged = await open();
  await forged.addCookies([{ name: "authjs.session-token", value: "forged", url: "http://localhost" }]);

  // Fields that make a staff action's input valid where it can (the reader as the one to promote), and an empty form.
  const forms = (a: ServerAction): Record<string, string>[] =>
    isStaffAction(a) ? [{}, { email: readerEmail, id: "no-such-thing", userId: "no-such-thing", sendId: "no-such-thing" }] : [{}];
  // signOutAction ends the caller's own session (its job, and nothing else): each caller calls it last.
  const ordered = [...actions].sort((a, b) => Number(a.name === "signOutAction") - Number(b.name === "signOutAction"));

  const before = await fingerprint(admin.request);
  expect(before["/admin/staff"]).not.toContain(readerEmail);
  const unreached: string[] = [];
  const callers: [string, BrowserContext][] = [
    ["forged-cookie anonymous", forged],
    ["free reader", reader],
    ["subscriber", subscriber],
    ["anonymous", anonymous],
  ];
  for (const [who, context] of callers) {
    for (const action of ordered) {
      for (const fields of forms(action)) {
        const statuses: number[] = [];
        let answered = false;
        for (const shape of FORM_SHAPES) {
          const res = await callAction(context.request, action, fields, shape);
          statuses.push(res.status());
          const proxied = who === "anonymous" && res.status() === 307 && /\/login\?next=/.test(res.headers().location ?? "");
          answered ||= proxied || answeredByAction(res);
        }
        if (!answered) unreached.push(`${who} → ${action.name} ${JSON.stringify(fields)} (${statuses.join(", ")})`);
      }
    }
  }
  expect(unreached, "every action answered each caller itself (or proxy.ts's redirect did, for anonymous callers of /admin and /account)").toEqual([]);
  expect(await fingerprint(admin.request)).toEqual(before);

  // The control: the very same request, from an admin, reaches promoteAction and promotes the reader.
  const control = await callAction(admin.request, promote, { email: readerEmail });
  expect(answeredByAction(control)).toBe(true);
  const after = await fingerprint(admin.request);
  expect(after["/admin/staff"]).toContain(readerEmail);
  expect(after["/admin/audit"]).toContain("staff.promote");
  await Promise.all(contexts.map((c) => c.close()));
});
