/**
 * In-memory store of every Stripe object plus the stand-in clock, with optional
 * persistence to a JSON file (loaded on start, atomically rewritten after changes).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { noSuch } from "./errors";
import {
  stateFileSchema,
  type CheckoutSessionRecord,
  type CouponRecord,
  type PortalConfigurationRecord,
  type CustomerRecord,
  type InvoiceRecord,
  type PortalSessionRecord,
  type PriceRecord,
  type ProductRecord,
  type StateFile,
  type StripeEventRecord,
  type SubscriptionRecord,
} from "./records";

/** At most this many events are written to the state file (the newest ones). */
const MAX_PERSISTED_EVENTS = 2000;

export class StandinState {
  clockOffset = 0;
  readonly customers = new Map<string, CustomerRecord>();
  readonly products = new Map<string, ProductRecord>();
  readonly prices = new Map<string, PriceRecord>();
  readonly checkoutSessions = new Map<string, CheckoutSessionRecord>();
  readonly subscriptions = new Map<string, SubscriptionRecord>();
  readonly invoices = new Map<string, InvoiceRecord>();
  readonly portalSessions = new Map<string, PortalSessionRecord>();
  readonly portalConfigurations = new Map<string, PortalConfigurationRecord>();
  readonly coupons = new Map<string, CouponRecord>();
  readonly events: StripeEventRecord[] = [];

  constructor(private readonly stateFile: string | undefined) {}

  /** Unix seconds on the stand-in clock (real time plus whatever advanceClock added). */
  now(): number {
    return Math.floor(Date.now() / 1000) + this.clockOffset;
  }

  // ---- lookups that throw Stripe's 404 -----------------------------------

  customer(id: string, param = "id"): CustomerRecord {
    const found = this.customers.get(id);
    if (!found) throw noSuch("customer", id, param);
    return found;
  }

  /** A customer that exists and has not been deleted. */
  liveCustomer(id: string, param = "customer"): CustomerRecord {
    const found = this.customer(id, param);
    if (found.deleted) throw noSuch("customer", id, param);
    return found;
  }

  product(id: string, param = "id"): ProductRecord {
    const found = this.products.get(id);
    if (!found) throw noSuch("product", id, param);
    return found;
  }

  price(id: string, param = "id"): PriceRecord {
    const found = this.prices.get(id);
    if (!found) throw noSuch("price", id, param);
    return found;
  }

  checkoutSession(id: string, param = "id"): CheckoutSessionRecord {
    const found = this.checkoutSessions.get(id);
    if (!found) throw noSuch("checkout.session", id, param);
    return found;
  }

  subscription(id: string, param = "id"): SubscriptionRecord {
    const found = this.subscriptions.get(id);
    if (!found) throw noSuch("subscription", id, param);
    return found;
  }

  invoice(id: string, param = "id"): InvoiceRecord {
    const found = this.invoices.get(id);
    if (!found) throw noSuch("invoice", id, param);
    return found;
  }

  portalSession(id: string, param = "id"): PortalSessionRecord {
    const found = this.portalSessions.get(id);
    if (!found) throw noSuch("billing_portal.session", id, param);
    return found;
  }

  portalConfiguration(id: string, param = "id"): PortalConfigurationRecord {
    const found = this.portalConfigurations.get(id);
    if (!found) throw noSuch("billing_portal.configuration", id, param);
    return found;
  }

  coupon(id: string, param = "id"): CouponRecord {
    const found = this.coupons.get(id);
    if (!found) throw noSuch("coupon", id, param);
    return found;
  }

  event(id: string, param = "id"): StripeEventRecord {
    const found = this.events.find((e) => e.id === id);
    if (!found) throw noSuch("event", id, param);
    return found;
  }

  // ---- persistence --------------------------------------------------------

  toFile(): StateFile {
    return {
      version: 1,
      clock_offset: this.clockOffset,
      customers: [...this.customers.values()],
      products: [...this.products.values()],
      prices: [...this.prices.values()],
      checkout_sessions: [...this.checkoutSessions.values()],
      subscriptions: [...this.subscriptions.values()],
      invoices: [...this.invoices.values()],
      billing_portal_sessions: [...this.portalSessions.values()],
      billing_portal_configurations: [...this.portalConfigurations.values()],
      coupons: [...this.coupons.values()],
      events: this.events.slice(-MAX_PERSISTED_EVENTS),
    };
  }

  /** Loads the state file if there is one. Returns false when there was nothing to load. */
  load(): boolean {
    if (!this.stateFile || !existsSync(this.stateFile)) return false;
    const raw: unknown = JSON.parse(readFileSync(this.stateFile, "utf8"));
    const parsed = stateFileSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(
        `Stripe stand-in: state file ${this.stateFile} is not valid ` +
          `(${issue ? `${issue.path.join(".")}: ${issue.message}` : "unknown problem"}). ` +
          `Move it away to start fresh.`,
      );
    }
    const file = parsed.data;
    this.clockOffset = file.clock_offset;
    fill(this.customers, file.customers);
    fill(this.products, file.products);
    fill(this.prices, file.prices);
    fill(this.checkoutSessions, file.checkout_sessions);
    fill(this.subscriptions, file.subscriptions);
    fill(this.invoices, file.invoices);
    fill(this.portalSessions, file.billing_portal_sessions);
    fill(this.portalConfigurations, file.billing_portal_configurations);
    fill(this.coupons, file.coupons);
    this.events.splice(0, this.events.length, ...file.events);
    return true;
  }

  /** Writes the state file (tmp file + rename, so a crash never leaves half a file). */
  save(): void {
    if (!this.stateFile) return;
    mkdirSync(path.dirname(this.stateFile), { recursive: true });
    const tmp = `${this.stateFile}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.toFile(), null, 2));
    renameSync(tmp, this.stateFile);
  }
}

function fill<T extends { id: string }>(map: Map<string, T>, items: T[]): void {
  map.clear();
  for (const item of items) map.set(item.id, item);
}
