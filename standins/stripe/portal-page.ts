/** The customer portal page (GET /portal/:id): subscriptions with cancel/renew/switch buttons. */
import { escapeHtml, formatDate, layout, planName, priceLabel, PUBLICATION_NAME } from "./html";
import type { PriceRecord, SubscriptionRecord, SubscriptionStatus } from "./records";

export type PortalNotice = "canceled" | "renewed" | "switched";

const NOTICES: Record<PortalNotice, string> = {
  canceled: "Your plan is canceled. You keep access until the end of the current period.",
  renewed: "Your plan will renew automatically.",
  switched: "Your plan has been switched.",
};

export function isPortalNotice(value: string | null): value is PortalNotice {
  return value === "canceled" || value === "renewed" || value === "switched";
}

export interface PortalSubscriptionView {
  sub: SubscriptionRecord;
  price: PriceRecord;
  /** The plan this subscription can switch to (month ↔ year), if any. */
  alternate: PriceRecord | undefined;
}

export interface PortalPageInput {
  portalId: string;
  email: string | null;
  returnUrl: string | null;
  subscriptions: PortalSubscriptionView[];
  notice: PortalNotice | null;
}

const STATUS_TEXT: Record<SubscriptionStatus, string> = {
  active: "Active",
  trialing: "Free trial",
  past_due: "Past due — payment failed",
  unpaid: "Unpaid",
  canceled: "Canceled",
  paused: "Paused",
  incomplete: "Incomplete",
  incomplete_expired: "Expired",
};

function switchLabel(price: PriceRecord): string {
  if (price.interval === "year") return "Switch to yearly";
  if (price.interval === "month") return "Switch to monthly";
  return `Switch to ${planName(price).toLowerCase()}`;
}

function dateRow(sub: SubscriptionRecord): string {
  if (sub.status === "canceled") {
    return `<dt>Ended on</dt><dd>${escapeHtml(formatDate(sub.ended_at ?? sub.current_period_end))}</dd>`;
  }
  if (sub.cancel_at_period_end) {
    return `<dt>Ends on</dt><dd>${escapeHtml(formatDate(sub.current_period_end))}</dd>`;
  }
  if (sub.status === "trialing" && sub.trial_end) {
    return `<dt>Trial ends on</dt><dd>${escapeHtml(formatDate(sub.trial_end))}</dd>`;
  }
  return `<dt>Renews on</dt><dd>${escapeHtml(formatDate(sub.current_period_end))}</dd>`;
}

function actionForm(portalId: string, subId: string, action: string, label: string, extra = "", secondary = false): string {
  const path = `/portal/${encodeURIComponent(portalId)}/subscriptions/${encodeURIComponent(subId)}/${action}`;
  return `<form method="post" action="${path}">${extra}<button type="submit"${secondary ? ' class="secondary"' : ""}>${escapeHtml(label)}</button></form>`;
}

function subscriptionCard(input: PortalPageInput, view: PortalSubscriptionView): string {
  const { sub, price, alternate } = view;
  const titleId = `plan-${sub.id}`;
  const ended = sub.status === "canceled" || sub.status === "incomplete_expired";
  const actions: string[] = [];
  if (!ended) {
    actions.push(
      sub.cancel_at_period_end
        ? actionForm(input.portalId, sub.id, "renew", "Renew plan")
        : actionForm(input.portalId, sub.id, "cancel", "Cancel plan", "", true),
    );
    if (alternate) {
      const hidden = `<input type="hidden" name="price" value="${escapeHtml(alternate.id)}">`;
      actions.push(actionForm(input.portalId, sub.id, "switch", switchLabel(alternate), hidden, true));
    }
  }
  return `<section class="card" aria-labelledby="${titleId}">
<h3 id="${titleId}">${escapeHtml(planName(price))} — ${escapeHtml(priceLabel(price))}</h3>
<dl>
<dt>Status</dt><dd>${escapeHtml(STATUS_TEXT[sub.status])}</dd>
${dateRow(sub)}
</dl>
${actions.length ? `<div class="actions">${actions.join("\n")}</div>` : ""}
</section>`;
}

export function renderPortalPage(input: PortalPageInput): string {
  const back = input.returnUrl
    ? `<p><a href="${escapeHtml(input.returnUrl)}">Return to ${escapeHtml(PUBLICATION_NAME)}</a></p>`
    : "";
  const notice = input.notice ? `<p class="status" role="status">${escapeHtml(NOTICES[input.notice])}</p>` : "";
  const who = input.email ? `<p>Billing for ${escapeHtml(input.email)}</p>` : "";
  const list = input.subscriptions.length
    ? input.subscriptions.map((view) => subscriptionCard(input, view)).join("\n")
    : "<p>You have no subscriptions.</p>";
  const body = `${back}
<h1>${escapeHtml(PUBLICATION_NAME)} billing</h1>
${who}
${notice}
<h2>Your plan</h2>
${list}`;
  return layout(`Manage your ${PUBLICATION_NAME} subscription`, body);
}
