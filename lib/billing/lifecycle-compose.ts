import "server-only";
import {
  renderPaymentAction,
  renderPaymentFailed,
  renderSubscriptionEnded,
  renderTrialEnding,
  renderWelcome,
} from "@/emails/render";
import { config } from "@/lib/env";
import { graceEndsAt } from "@/lib/access/rule";
import { currentPolicy } from "@/lib/access/policy";
import type { OutgoingMail } from "@/lib/mail/transport";
import { mailPublication } from "@/lib/mail/publication";
import { formatDate, formatMoney, formatPrice } from "@/lib/format";

/** What the lifecycle mails say about a subscription, from our synced mirror. */
export interface PlanFacts {
  interval: string | null;
  unitAmount: number | null;
  currency: string | null;
  currentPeriodEnd: Date | null;
  trialEnd: Date | null;
}

export interface Reader {
  email: string;
  name: string | null;
}

const urls = () => {
  const app = config().appUrl;
  return { account: `${app}/account`, portal: `${app}/account/billing`, home: app, join: `${app}/join` };
};

export function planPrice(p: Pick<PlanFacts, "interval" | "unitAmount" | "currency">): string {
  if (p.unitAmount === null) return "your plan's price";
  return `${formatPrice(p.unitAmount, p.currency)} a ${p.interval ?? "month"}`;
}

const planName = (interval: string | null) => (interval === "year" ? "Yearly" : "Monthly");

export async function paidWelcome(to: Reader, plan: PlanFacts): Promise<OutgoingMail> {
  const u = urls();
  const next = plan.trialEnd && plan.trialEnd > new Date() ? plan.trialEnd : plan.currentPeriodEnd;
  const mail = await renderWelcome({
    name: to.name ?? undefined,
    isPaid: true,
    accountUrl: u.account,
    homeUrl: u.home,
    plan: next ? { name: planName(plan.interval), price: planPrice(plan), nextCharge: formatDate(next) } : undefined,
    publication: mailPublication(),
  });
  return { to: to.email, subject: `Welcome to ${config().publication.name}: your subscription is active`, ...mail };
}

export async function trialEnding(to: Reader, plan: PlanFacts, trialEnd: Date): Promise<OutgoingMail> {
  const mail = await renderTrialEnding({ trialEndsAt: formatDate(trialEnd), price: planPrice(plan), accountUrl: urls().account, publication: mailPublication() });
  return { to: to.email, subject: "Your trial ends in 3 days", ...mail };
}

export async function paymentAction(to: Reader, invoiceUrl: string, amountMinor: number, currency: string): Promise<OutgoingMail> {
  const mail = await renderPaymentAction({ invoiceUrl, amount: formatMoney(amountMinor, currency), publication: mailPublication() });
  return { to: to.email, subject: "Please confirm your payment", ...mail };
}

export async function dunning(to: Reader, reminder: number, pastDueSince: Date | null): Promise<OutgoingMail> {
  const policy = currentPolicy();
  const mail = await renderPaymentFailed({
    portalUrl: urls().portal,
    graceEndsAt: formatDate(graceEndsAt(pastDueSince ?? policy.now, policy)),
    reminder,
    publication: mailPublication(),
  });
  const subject = reminder === 0 ? "Your payment didn’t go through" : "Reminder: your payment is still outstanding";
  return { to: to.email, subject, ...mail };
}

export async function subscriptionEnded(to: Reader): Promise<OutgoingMail> {
  const mail = await renderSubscriptionEnded({ joinUrl: urls().join, publication: mailPublication() });
  return { to: to.email, subject: "Your subscription has ended", ...mail };
}
