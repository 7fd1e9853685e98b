import { stripe } from "./stripe";
import { syncCustomer } from "./sync";

/** Deleting the Stripe customer cancels its subscriptions at once; the mirror follows. */
export async function cancelCustomer(customerId: string): Promise<void> {
  await stripe().customers.del(customerId);
  await syncCustomer(customerId);
}
