import { ViewerSwitch } from "./viewer-switch";

/** Shown to a reader whose payment failed: one link to fix it in the billing portal. */
export function PaymentNotice() {
  return (
    <ViewerSwitch
      pastDue={
        <div className="wrap">
          <p className="notice error payment-notice">
            Your last payment didn’t go through. <a href="/account/billing">Update your payment method</a> to keep reading
            every analysis.
          </p>
        </div>
      }
    />
  );
}
