import { expect, test, type APIRequestContext, type BrowserContext } from "@playwright/test";
import { signInByLink, uniqueEmail } from "./fixtures/auth";
import { firstPaid } from "./fixtures/demo";
import { serverActions, type ServerAction } from "./fixtures/manifest-routes";
import { answeredByAction, callAction, FORM_SHAPES } from "./fixtures/server-action-request";
import { payWith, subscribeFromPiece } from "./fixtures/subscribe";

test.describe.configure({ mode: "serial" });

const visibleText = (html: string): string =>
  html
    .replace(/<script\b[\s\S]*?<\/script>/gi, "")
    .replace(/<style\b[\s\S]*?<\/style>/gi, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();

/** The table rows of a staff page that mention one of `emails`. */
const rowsAbout = (html: string, emails: string[]): string[] =>
  html
    .split(/<tr\b/i)
    .slice(1)
    .map(visibleText)
    .filter((row) => emails.some((e) => row.includes(e)));

/**
 * What staff can see of the matrix's callers, as the state the matrix could change (other spec files run
 * alongside and change the rest of the site): each one's member record (status, plan, role), the staff
 * list, every audit line about them (every staff mutation writes one, naming actor and target) and the
 * mail sent to them.
 */
async function fingerprint(admin: APIRequestContext, emails: string[]): Promise<Record<string, string[]>> {
  const get = async (path: string): Promise<string> => {
    const res = await admin.get(path);
    expect(res.status(), path).toBe(200);
    return res.text();
  };
  const out: Record<string, string[]> = {};
  for (const email of emails) out[`member ${email}`] = rowsAbout(await get(`/admin/subscribers?q=${encodeURIComponent(email)}`), [email]);
  out.staff = rowsAbout(await get("/admin/staff"), emails);
  out.audit = rowsAbout(await get("/admin/audit"), emails);
  const mailbox = JSON.parse(await get("/dev/mailbox.json")) as { to: string; subject: string }[];
  out.mail = mailbox.filter((m) => emails.includes(m.to)).map((m) => `${m.to}: ${m.subject}`);
  return out;
}

/** Staff actions live under app/admin; the guard of every one of them runs before its input is read. */
const isStaffAction = (a: ServerAction): boolean => a.file.includes("app/admin/");

test("every server action in the build, POSTed as anonymous, free reader and subscriber, changes nothing; the same request from staff does", async ({
  browser,
}) => {
  // Every action × four callers × each form and body shape: several hundred requests in one test.
  test.setTimeout(900_000);
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
  const subscriberEmail = uniqueEmail("matrix-subscriber");
  const reader = await open();
  await signInByLink(await reader.newPage(), readerEmail, "/account");
  const subscriber = await open();
  const subscriberPage = await subscriber.newPage();
  await subscribeFromPiece(subscriberPage, subscriberEmail, "monthly");
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

  const watched = [readerEmail, subscriberEmail];
  const before = await fingerprint(admin.request, watched);
  expect(before[`member ${readerEmail}`]?.join()).toContain("Free");
  expect(before[`member ${subscriberEmail}`]?.join()).toContain("Paying");
  expect(before.staff).toEqual([]);
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
  expect(await fingerprint(admin.request, watched)).toEqual(before);

  // The control: the very same request, from an admin, reaches promoteAction and promotes the reader.
  const control = await callAction(admin.request, promote, { email: readerEmail });
  expect(answeredByAction(control)).toBe(true);
  const after = await fingerprint(admin.request, watched);
  expect(after.staff?.join()).toContain(readerEmail);
  expect(after.audit?.join()).toContain("staff.promote");
  await Promise.all(contexts.map((c) => c.close()));
});
