CREATE TABLE "resend_webhook_events" (
	"id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"email_id" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "send_batches" (
	"send_id" text NOT NULL,
	"batch" integer NOT NULL,
	"variant" text NOT NULL,
	"round" integer DEFAULT 0 NOT NULL,
	"size" integer NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"lease_until" timestamp with time zone,
	"claim_token" text,
	"claimed_by" text,
	"claims" integer DEFAULT 0 NOT NULL,
	"error" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "send_batches_send_id_batch_pk" PRIMARY KEY("send_id","batch")
);
--> statement-breakpoint
CREATE TABLE "send_templates" (
	"send_id" text NOT NULL,
	"variant" text NOT NULL,
	"subject" text NOT NULL,
	"html" text NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "send_templates_send_id_variant_pk" PRIMARY KEY("send_id","variant")
);
--> statement-breakpoint
ALTER TABLE "sends" ADD COLUMN "sent_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "sends" ADD COLUMN "failed_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "send_batches" ADD CONSTRAINT "send_batches_send_id_sends_id_fk" FOREIGN KEY ("send_id") REFERENCES "public"."sends"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "send_templates" ADD CONSTRAINT "send_templates_send_id_sends_id_fk" FOREIGN KEY ("send_id") REFERENCES "public"."sends"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "send_batches_claim_idx" ON "send_batches" USING btree ("send_id","status","batch");--> statement-breakpoint
CREATE INDEX "deliveries_provider_idx" ON "deliveries" USING btree ("provider_id");