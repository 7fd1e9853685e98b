/**
 * Browser-facing routes: hosted checkout (GET /checkout/:id, POST /checkout/:id/pay) and the
 * customer portal (GET /portal/:id, POST /portal/:id/subscriptions/:sub/{cancel,renew,switch}), hosted
 * invoices (GET /invoices/:id, /invoices/:id/pdf).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { completeCheckout, settleDuePeriods, updateSubscription, type BillingContext } from "./billing";
import { alternatePrice } from "./catalog";
import {
  DECLINED_MESSAGE,
  INVALID_CARD_MESSAGE,
  MISSING_EMAIL_MESSAGE,
  renderCheckoutPage,
  type CheckoutPageInput,
} from "./checkout-page";
import { StripeApiError } from "./errors";
import { parseForm, readString } from "./form-body";
import { messagePage } from "./html";
import { readBody, redirect, sendHtml } from "./http-util";
import { isPortalNotice, renderPortalPage, type PortalNotice, type PortalSubscriptionView } from "./portal-page";
import type { CheckoutSessionRecord } from "./records";
import { matchPath } from "./router";
import { MISSING_COUNTRY_MESSAGE } from "./checkout-tax-page";
import { completePayment } from "./payment";
import { invoicePdf, renderInvoicePage } from "./invoice-page";
import { readBillingDetails } from "./tax";

export const SUCCEEDING_CARD = "4242424242424242";
export const DECLINED_CARD = "4000000000000002";

function successRedirect(session: CheckoutSessionRecord): string {
  return session.success_url.replaceAll("{CHECKOUT_SESSION_ID}", session.id).replaceAll("%7BCHECKOUT_SESSION_ID%7D", session.id);
}

function checkoutInput(ctx: BillingContext, session: CheckoutSessionRecord): CheckoutPageInput {
  const customer = session.customer ? ctx.state.customers.get(session.customer) : undefined;
  return {
    session,
    lines: session.line_items.map((line) => ({ price: ctx.state.price(line.price), quantity: line.quantity })),
    knownEmail: customer?.email ?? session.customer_email ?? null,
  };
}

/** Expires an open session past its expires_at (wall-clock time; see api-checkout.ts). */
function refreshExpiry(_ctx: BillingContext, session: CheckoutSessionRecord): void {
  if (session.status === "open" && Date.now() / 1000 >= session.expires_at) session.status = "expired";
}

function showCheckout(ctx: BillingContext, res: ServerResponse, id: string): void {
  const session = ctx.state.checkoutSessions.get(id);
  if (!session) {
    sendHtml(res, 404, messagePage("Checkout not found", "This checkout link is not valid."));
    return;
  }
  refreshExpiry(ctx, session);
  if (session.status === "complete") return redirect(res, successRedirect(session));
  if (session.status === "expired") {
    const link = session.cancel_url ? { href: session.cancel_url, text: "← Back" } : undefined;
    sendHtml(res, 410, messagePage("Checkout expired", "This checkout session has expired. Start again.", link));
    return;
  }
  sendHtml(res, 200, renderCheckoutPage(checkoutInput(ctx, session)));
}

async function payCheckout(ctx: BillingContext, req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
  const session = ctx.state.checkoutSessions.get(id);
  if (!session) {
    sendHtml(res, 404, messagePage("Checkout not found", "This checkout link is not valid."));
    return;
  }
  const form = parseForm(await readBody(req));
  refreshExpiry(ctx, session);
  if (session.status !== "open") return showCheckout(ctx, res, id);
  const base = checkoutInput(ctx, session);
  const cardNumber = readString(form, "card_number") ?? "";
  const typedEmail = (readString(form, "email") ?? "").trim();
  const email = base.knownEmail ?? typedEmail;
  const rerender = (status: number, error: NonNullable<CheckoutPageInput["error"]>): void =>
    sendHtml(res, status, renderCheckoutPage({ ...base, cardNumber, email: typedEmail, country: readString(form, "country") ?? "", taxId: readString(form, "tax_id") ?? "", error }));
  if (!email || !email.includes("@")) return rerender(400, { field: "email", message: MISSING_EMAIL_MESSAGE });
  const billing = readBillingDetails(session, form);
  if (!billing) return rerender(400, { field: "country", message: MISSING_COUNTRY_MESSAGE });
  const digits = cardNumber.replace(/[\s-]/g, "");
  if (digits === DECLINED_CARD) return rerender(402, { field: "card", message: DECLINED_MESSAGE });
  if (digits !== SUCCEEDING_CARD) return rerender(400, { field: "card", message: INVALID_CARD_MESSAGE });
  Object.assign(session, billing);
  if (session.mode === "payment") completePayment(ctx, session, email);
  else completeCheckout(ctx, session, email);
  ctx.state.save();
  redirect(res, successRedirect(session));
}

function showPortal(ctx: BillingContext, res: ServerResponse, id: string, notice: PortalNotice | null): void {
  const portal = ctx.state.portalSessions.get(id);
  const customer = portal ? ctx.state.customers.get(portal.customer) : undefined;
  if (!portal || !customer || customer.deleted) {
    sendHtml(res, 404, messagePage("Portal link not valid", "This billing portal link is not valid or has expired."));
    return;
  }
  const subs = [...ctx.state.subscriptions.values()].filter((s) => s.customer === customer.id).reverse();
  const ended = (status: string): boolean => status === "canceled" || status === "incomplete_expired";
  subs.sort((a, b) => Number(ended(a.status)) - Number(ended(b.status)));
  const views: PortalSubscriptionView[] = subs.flatMap((sub) => {
    const item = sub.items[0];
    const price = item ? ctx.state.prices.get(item.price) : undefined;
    return price ? [{ sub, price, alternate: alternatePrice(ctx.state, price) }] : [];
  });
  sendHtml(
    res,
    200,
    renderPortalPage({ portalId: portal.id, email: customer.email, returnUrl: portal.return_url, subscriptions: views, notice }),
  );
}

async function portalAction(
  ctx: BillingContext,
  req: IncomingMessage,
  res: ServerResponse,
  params: Record<string, string>,
): Promise<void> {
  const portalId = params.id ?? "";
  const portal = ctx.state.portalSessions.get(portalId);
  const sub = ctx.state.subscriptions.get(params.sub ?? "");
  const form = parseForm(await readBody(req));
  if (!portal || !sub || sub.customer !== portal.customer) {
    sendHtml(res, 404, messagePage("Not found", "That subscription is not part of this billing portal session."));
    return;
  }
  let notice: PortalNotice;
  try {
    switch (params.action) {
      case "cancel":
        updateSubscription(ctx, sub, { cancelAtPeriodEnd: true });
        notice = "canceled";
        break;
      case "renew":
        updateSubscription(ctx, sub, { cancelAtPeriodEnd: false });
        notice = "renewed";
        break;
      case "switch": {
        const price = readString(form, "price") ?? "";
        const item = sub.items[0];
        if (!item) throw new StripeApiError(400, "This subscription has no plan to switch.");
        updateSubscription(ctx, sub, { items: [{ id: item.id, price }] });
        notice = "switched";
        break;
      }
      default:
        sendHtml(res, 404, messagePage("Not found", "Unknown portal action."));
        return;
    }
  } catch (error) {
    if (!(error instanceof StripeApiError)) throw error;
    sendHtml(res, 400, messagePage("Could not update your plan", error.message, { href: `/portal/${portalId}`, text: "Back to billing" }));
    return;
  }
  ctx.state.save();
  redirect(res, `/portal/${encodeURIComponent(portalId)}?notice=${notice}`);
}

function showInvoice(ctx: BillingContext, res: ServerResponse, id: string, pdf: boolean): void {
  const invoice = ctx.state.invoices.get(id);
  if (!invoice) {
    sendHtml(res, 404, messagePage("Invoice not found", "This invoice link is not valid."));
    return;
  }
  if (!pdf) return sendHtml(res, 200, renderInvoicePage(ctx.state, invoice));
  const bytes = invoicePdf(ctx.state, invoice);
  res.writeHead(200, {
    "Content-Type": "application/pdf",
    "Content-Length": bytes.length,
    "Content-Disposition": `inline; filename="${invoice.id}.pdf"`,
    "Cache-Control": "no-store",
  });
  res.end(bytes);
}

/** Handles a browser page request; returns false when the path is not one of the pages. */
export async function handlePage(ctx: BillingContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  const method = (req.method ?? "GET").toUpperCase();
  const path = url.pathname;
  if (settleDuePeriods(ctx) > 0) ctx.state.save();
  let params: Record<string, string> | null;
  if (method === "GET" && (params = matchPath("/checkout/:id", path))) {
    showCheckout(ctx, res, params.id ?? "");
    return true;
  }
  if (method === "POST" && (params = matchPath("/checkout/:id/pay", path))) {
    await payCheckout(ctx, req, res, params.id ?? "");
    return true;
  }
  if (method === "GET" && (params = matchPath("/portal/:id", path))) {
    const notice = url.searchParams.get("notice");
    showPortal(ctx, res, params.id ?? "", isPortalNotice(notice) ? notice : null);
    return true;
  }
  if (method === "GET" && (params = matchPath("/invoices/:id", path) ?? matchPath("/invoices/:id/pdf", path))) {
    showInvoice(ctx, res, params.id ?? "", path.endsWith("/pdf"));
    return true;
  }
  if (method === "POST" && (params = matchPath("/portal/:id/subscriptions/:sub/:action", path))) {
    await portalAction(ctx, req, res, params);
    return true;
  }
  return false;
}
