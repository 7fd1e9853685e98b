/**
 * The leak crawler over a piece's life (public → members → paid → unpublished, then a restart), and the
 * server-action matrix, on a server of the spec's own (see fixtures/own-server.ts): a restart of
 * Playwright's webServer is not possible, and PGlite takes one process per DATA_DIR.
 */
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { requestSignInMail, uniqueEmail } from "./fixtures/auth";
import { callAction, harvestForm, plausible, visibleText, workerPath, type ActionResponse } from "./fixtures/actions";
import { crawl, currentTargets, demoSecretPhrases, plainPhrases, type CrawlReport } from "./fixtures/crawl";
import { publishPiece, switchVisibility, unpublish } from "./fixtures/editor";
import { serverActions } from "./fixtures/manifest-routes";
import { signInLink } from "./fixtures/mailbox";
import { startOwnServer, type OwnServer } from "./fixtures/own-server";
import { payWith, subscribeFromPiece } from "./fixtures/subscribe";

const PORT = Number(process.env.E2E_LIFECYCLE_PORT ?? 3231);
const STRIPE_PORT = Number(process.env.E2E_LIFECYCLE_STRIPE_PORT ?? 12231);
const DATA_DIR = ".data-e2e-lifecycle";

test.describe.configure({ mode: "serial" });

let server: OwnServer | undefined;
test.afterAll(async () => server?.stop());

async function signIn(browser: Browser, baseURL: string, email: string, next: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const mail = await requestSignInMail(page, email, next);
  await page.goto(signInLink(mail));
  await page.getByRole("button", { name: "Sign in to ESM Insight" }).click();
  await page.waitForURL((url) => url.pathname === next.split("?")[0]);
  return { context, page };
}

function expectClean(report: CrawlReport): void {
  expect(report.leaks).toEqual([]);
  expect(report.notRsc).toEqual([]);
}

test("a piece switched public → members → paid, then unpublished, then the server restarted: anonymous responses follow each step", async ({ browser }) => {
  test.setTimeout(480_000);
  server = await startOwnServer({ port: PORT, stripePort: STRIPE_PORT, dataDir: DATA_DIR, fresh: true });
  const baseURL = server.url;
  const { page: editor } = await signIn(browser, baseURL, "admin@example.com", "/admin");
  const stamp = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const sentence = `Lifecycle sentence ${stamp} follows its piece from public to paid and out.`;
  const phrase = plainPhrases(sentence)[0]!;
  const piece = await publishPiece(editor, { headline: `Lifecycle piece ${stamp}`, analysis: sentence, visibility: "public" });
  const demo = demoSecretPhrases();
  const anonymous = await browser.newContext({ baseURL });
  const extra = { pieceSlugs: [piece.slug] };
  const piecePath = `/p/${piece.slug}`;

  // Public: the analysis may be (and is) public.
  const asPublic = await crawl(anonymous.request, "anonymous, piece public", await currentTargets(anonymous.request, extra), demo);
  expectClean(asPublic);
  expect(asPublic.bodies.get(piecePath)).toContain(phrase);

  // Members: gone from every anonymous response; a free member reads it.
  await switchVisibility(editor, piece.id, "members");
  expectClean(await crawl(anonymous.request, "anonymous, piece members", await currentTargets(anonymous.request, extra), [...demo, phrase]));
  const { context: member } = await signIn(browser, baseURL, uniqueEmail("lifecycle-member"), "/account");
  expect(await (await member.request.get(piecePath)).text()).toContain(phrase);

  // Paid: gone for anonymous readers and for the free member.
  await switchVisibility(editor, piece.id, "paid");
  expectClean(await crawl(anonymous.request, "anonymous, piece paid", await currentTargets(anonymous.request, extra), [...demo, phrase]));
  expect(await (await member.request.get(piecePath)).text()).not.toContain(phrase);

  // Unpublished: its pages answer 404, and it is nowhere.
  await unpublish(editor, piece.id);
  const gone = await crawl(anonymous.request, "anonymous, piece unpublished", await currentTargets(anonymous.request, extra), [...demo, phrase]);
  expectClean(gone);
  for (const path of [piecePath, `/read/${piece.slug}`, `/og/${piece.slug}`]) expect(gone.status.get(path), path).toBe(404);

  // A restart over the same DATA_DIR (cache included) brings nothing back.
  await Promise.all([anonymous.close(), member.close(), editor.context().close()]);
  await server.stop();
  server = await startOwnServer({ port: PORT, stripePort: STRIPE_PORT, dataDir: DATA_DIR, fresh: false });
  const afterRestart = await browser.newContext({ baseURL });
  const restarted = await crawl(afterRestart.request, "anonymous, after restart", await currentTargets(afterRestart.request, extra), [...demo, phrase]);
  expectClean(restarted);
  expect(restarted.status.get(piecePath)).toBe(404);
  await afterRestart.close();
});

test("every server action in the build's manifest, POSTed as anonymous, free reader and subscriber, changes nothing and returns nothing it should not", async ({ browser }) => {
  test.setTimeout(300_000);
  if (!server) server = await startOwnServer({ port: PORT, stripePort: STRIPE_PORT, dataDir: DATA_DIR, fresh: true });
  const baseURL = server.url;
  const stamp = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const { context: admin, page: adminPage } = await signIn(browser, baseURL, "admin@example.com", "/admin");
  const readerEmail = uniqueEmail("matrix-reader");
  const { context: reader } = await signIn(browser, baseURL, readerEmail, "/account");
  const subscriberEmail = uniqueEmail("matrix-subscriber");
  const subscriber = await browser.newContext({ baseURL });
  const subscriberPage = await subscriber.newPage();
  await subscribeFromPiece(subscriberPage, subscriberEmail, "monthly");
  await payWith(subscriberPage, "4242 4242 4242 4242");
  await subscriberPage.waitForURL((url) => url.pathname.startsWith("/p/"));
  const anonymous = await browser.newContext({ baseURL });

  // Real ids for the staff pages that carry actions: a piece, the free reader (the victim of grants, promotions).
  const idOf = async (list: string, prefix: string): Promise<string> =>
    (await (await admin.request.get(list)).text()).match(new RegExp(`href="${prefix}([^"/?]+)"`))?.[1] ?? "00000000-0000-0000-0000-000000000000";
  const pieceId = await idOf("/admin/pieces", "/admin/pieces/");
  const readerId = await idOf(`/admin/subscribers?q=${encodeURIComponent(readerEmail)}`, "/admin/subscribers/");
  const subscriberId = await idOf(`/admin/subscribers?q=${encodeURIComponent(subscriberEmail)}`, "/admin/subscribers/");
  const sendId = await idOf("/admin/sends", "/admin/sends/");
  const fillParams = (path: string): string =>
    path.replace("/admin/pieces/[id]", `/admin/pieces/${pieceId}`).replace("/admin/subscribers/[id]", `/admin/subscribers/${readerId}`).replace("/admin/sends/[id]", `/admin/sends/${sendId}`);

  // What staff and readers can see; none of it may change.
  const staffViews = ["/admin", "/admin/audit", "/admin/pieces", "/admin/staff", "/admin/subscribers", "/admin/sends", `/admin/subscribers/${readerId}`, `/admin/subscribers/${subscriberId}`];
  const mails = async (): Promise<string[]> =>
    ((await (await admin.request.get("/dev/mailbox.json")).json()) as { subject: string; to: string }[])
      // Sign-in mails are the public sign-in action's own effect (anyone may ask for one).
      .filter((m) => !/sign-in code/.test(m.subject))
      .map((m) => `${m.to}: ${m.subject}`);
  const seenByStaff = async () => ({ views: await Promise.all(staffViews.map((v) => visibleText(admin.request, v))), mails: await mails() });
  const seenBy = async (c: BrowserContext) => visibleText(c.request, "/account");
  const before = { staff: await seenByStaff(), reader: await seenBy(reader), subscriber: await seenBy(subscriber) };

  const actions = serverActions();
  // Each action's form as it is shown to staff (or to the reader, for the reader's own pages).
  const forms = new Map<string, Record<string, Awaited<ReturnType<typeof plausible>>[string]>>();
  const fallback: string[] = [];
  for (const a of actions) {
    const own = workerPath(a.workers[0]!).startsWith("/admin") ? adminPage : await reader.newPage();
    const form = await harvestForm(own, a, fillParams);
    if (!form.fromItsForm) fallback.push(`${a.name} (${form.page})`);
    forms.set(a.id, plausible(form.fields, readerEmail, stamp));
  }
  console.info(`[action matrix] ${actions.length} actions; called from code, posted with the page's fields: ${fallback.join(", ") || "none"}`);

  // What each may not read: anonymous no members or paid analysis, the free reader no paid one.
  const roles: { name: string; context: BrowserContext; others: string[]; secrets: string[] }[] = [
    { name: "anonymous", context: anonymous, others: [readerEmail, subscriberEmail], secrets: demoSecretPhrases(["members", "paid"]) },
    { name: "free reader", context: reader, others: [subscriberEmail], secrets: demoSecretPhrases(["paid"]) },
    { name: "subscriber", context: subscriber, others: [readerEmail], secrets: [] },
  ];
  // Signing out ends the poster's own session (by design): it goes last, after that viewer's snapshot.
  const ordered = [...actions].sort((a, b) => Number(/signOut/.test(a.name)) - Number(/signOut/.test(b.name)));
  const problems: string[] = [];
  const after: Record<string, string> = {};
  let posts = 0;
  for (const role of roles) {
    for (const a of ordered) {
      if (/signOut/.test(a.name) && role.name !== "anonymous") after[role.name] = await seenBy(role.context);
      const fields = forms.get(a.id) ?? {};
      const targets = [...new Set([fillParams(workerPath(a.workers[0]!)), "/join"])];
      for (const target of targets) {
        for (const as of a.arity === 1 ? (["form", "object"] as const) : (["form"] as const)) {
          const res: ActionResponse = await callAction(role.context.request, baseURL, target, a, fields, as);
          posts++;
          const where = `${role.name} → ${a.name} (${a.file}) at ${target} as ${as}: ${res.status}`;
          if (res.actionNotFound) problems.push(`${where}: Next did not know the action id`);
          for (const s of role.secrets) if (res.body.includes(s)) problems.push(`${where}: holds the analysis "${s.slice(0, 40)}…"`);
          for (const e of role.others) if (res.body.includes(e)) problems.push(`${where}: holds another reader's address ${e}`);
        }
      }
    }
    if (!(role.name in after) && role.name !== "anonymous") after[role.name] = await seenBy(role.context);
  }
  console.info(`[action matrix] ${posts} POSTs`);
  expect(problems).toEqual([]);
  expect(after["free reader"]).toBe(before.reader);
  expect(after["subscriber"]).toBe(before.subscriber);
  expect(await seenByStaff()).toEqual(before.staff);

  // The control: the same call by the admin does change what staff see (so the matrix can fail).
  const save = actions.find((a) => a.name === "savePieceAction");
  expect(save, "the editor's save action is in the manifest").toBeDefined();
  const control = await callAction(admin.request, baseURL, fillParams(workerPath(save!.workers[0]!)), save!, forms.get(save!.id) ?? {}, "form");
  expect(control.actionNotFound).toBe(false);
  expect((await seenByStaff()).views).not.toEqual(before.staff.views);
  await Promise.all([admin.close(), reader.close(), subscriber.close(), anonymous.close()]);
});
