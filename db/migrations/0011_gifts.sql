CREATE TABLE "gifts" (
	"id" text PRIMARY KEY NOT NULL,
	"checkout_session_id" text NOT NULL,
	"months" integer NOT NULL,
	"buyer_email" text NOT NULL,
	"buyer_user_id" text,
	"recipient_email" text NOT NULL,
	"message" text,
	"deliver_on" date NOT NULL,
	"amount_total" integer NOT NULL,
	"amount_tax" integer DEFAULT 0 NOT NULL,
	"currency" text NOT NULL,
	"receipt_sent_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"token_hash" text,
	"redeemed_at" timestamp with time zone,
	"redeemed_by" text,
	"grant_id" text,
	"redeemed_notice_sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "gifts" ADD CONSTRAINT "gifts_buyer_user_id_users_id_fk" FOREIGN KEY ("buyer_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gifts" ADD CONSTRAINT "gifts_redeemed_by_users_id_fk" FOREIGN KEY ("redeemed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gifts" ADD CONSTRAINT "gifts_grant_id_complimentary_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."complimentary_grants"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "gifts_checkout_session_uq" ON "gifts" USING btree ("checkout_session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "gifts_token_hash_uq" ON "gifts" USING btree ("token_hash");