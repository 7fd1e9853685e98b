ALTER TABLE "risk_tags" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "risk_vectors" ADD COLUMN "retired_at" timestamp with time zone;