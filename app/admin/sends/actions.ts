"use server";

import { z } from "zod";
import { submitAction } from "@/lib/actions/action";
import { retryFailedDeliveries } from "@/lib/newsletter/retry";

type Retried = Awaited<ReturnType<typeof retryFailedDeliveries>>;

export const retryFailedAction = submitAction(
  {
    guard: "staff",
    from: "/admin/sends",
    input: z.object({ sendId: z.string().min(1).max(100) }),
    audit: ({ sendId }, { requeued }: Retried) => ({ action: "send.retry-failed", target: sendId, detail: { requeued } }),
    redirectTo: ({ sendId }, { requeued }: Retried) => `/admin/sends/${encodeURIComponent(sendId)}?retried=${requeued}`,
  },
  ({ sendId }, { viewer }) => retryFailedDeliveries(viewer, sendId),
);
