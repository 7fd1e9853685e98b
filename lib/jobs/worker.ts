import type { PgBoss } from "pg-boss";
import { registerPublishingWorkers } from "@/lib/publishing/schedule";
import { registerNewsletterWorkers } from "@/lib/newsletter/worker";
import { registerMaintenanceWorkers } from "./maintenance";
import { registerDunningWorkers } from "@/lib/billing/dunning";
import { registerGiftWorkers } from "@/lib/gifts/delivery";

/** Every queue's worker. The app runs them embedded; `npm run worker` runs them alone. */
export async function registerAllWorkers(b: PgBoss): Promise<void> {
  await registerPublishingWorkers(b);
  await registerNewsletterWorkers(b);
  await registerMaintenanceWorkers(b);
  await registerDunningWorkers(b);
  await registerGiftWorkers(b);
}
