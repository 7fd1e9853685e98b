import Link from "next/link";
import type { MembershipStatus } from "@/lib/access/rule";

const TEXT: Record<MembershipStatus, string> = {
  anonymous: "Not signed in",
  free: "Free member",
  paying: "Paying subscriber",
  trialing: "Subscriber (free trial)",
  past_due: "Subscriber: payment overdue",
  complimentary: "Complimentary subscriber",
  staff: "Staff",
};

export function MembershipSummary({ status }: { status: MembershipStatus }) {
  return (
    <p>
      Membership: <strong data-testid="membership-status">{TEXT[status]}</strong>
      {status === "free" ? (
        <>
          {" "}
          · <Link href="/join">Subscribe for the full analysis</Link>
        </>
      ) : null}
    </p>
  );
}
