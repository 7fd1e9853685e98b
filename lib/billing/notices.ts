import "server-only";
import { eq } from "drizzle-orm";
import type Stripe from "stripe";
import { db } from "@/lib/db";
import { users } from "@/db/schema";
import { renderPaymentFailed, renderWelcome } from "@/emails/render";
import { config } from "@/lib/env";
import { graceEndsAt } from "@/lib/access/rule";
import { currentPolicy } from "@/lib/access/policy";
import { sendMail } from "@/lib/mail/transport";
import { mailPublication } from "@/lib/mail/publication";
import { formatDate } from "@/lib/format";

/** Mail that follows a recorded (so: first-seen) Stripe event. Failures are logged, never retried into duplicates. */
export async function notifyAfterEvent(event: Stripe.Event, customerId: string): Promise<void> {
  if (event.type !== "invoice.payment_failed" && event.type !== "checkout.session.completed") return;
  const cfg = config();
  const [user] = await (await db()).select({ email: users.email, name: users.name }).from(users).where(eq(users.stripeCustomerId, customerId));
  if (!user) return;
  const publication = mailPublication();
  try {
    if (event.type === "invoice.payment_failed") {
      const policy = currentPolicy();
      const graceEnds = graceEndsAt(policy.now, policy);
      const mail = await renderPaymentFailed({ portalUrl: `${cfg.appUrl}/account/billing`, graceEndsAt: formatDate(graceEnds), publication });
      await sendMail({ to: user.email, subject: "Your payment didn’t go through", ...mail });
    } else {
      const mail = await renderWelcome({
        name: user.name ?? undefined,
        isPaid: true,
        accountUrl: `${cfg.appUrl}/account`,
        homeUrl: cfg.appUrl,
        publication,
      });
      await sendMail({ to: user.email, subject: `Welcome to ${cfg.publication.name}`, ...mail });
    }
  } catch (err) {
    console.error(`notice for ${event.type} ${event.id} failed`, err);
  }
}
