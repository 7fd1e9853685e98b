CREATE TABLE "stripe_sync_state" (
	"customer_id" text PRIMARY KEY NOT NULL,
	"started_generation" integer DEFAULT 0 NOT NULL,
	"written_generation" integer DEFAULT 0 NOT NULL
);
