import "server-only";
import { formatPrice } from "@/lib/format";
import { listPlans } from "./plans";

/** "£8 a month or £80 a year", from the configured plans; null when Stripe cannot say right now. */
export async function priceLine(): Promise<string | null> {
  try {
    const plans = await listPlans();
    if (plans.length === 0) return null;
    return plans.map((p) => `${formatPrice(p.unitAmount, p.currency)} a ${p.interval}`).join(" or ");
  } catch (error) {
    console.error("price line: could not list plans", error);
    return null;
  }
}
