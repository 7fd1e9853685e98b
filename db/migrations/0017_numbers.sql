CREATE TABLE "pending_signup_sources" (
	"email" text PRIMARY KEY NOT NULL,
	"piece_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "piece_reads" (
	"piece_id" text NOT NULL,
	"day" date NOT NULL,
	"reads" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "piece_reads_piece_id_day_pk" PRIMARY KEY("piece_id","day")
);
--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "delivered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "opened_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "human_opened_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "opens" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "machine_opens" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "clicked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "clicks" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "source_piece_id" text;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "cancellation_feedback" text;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "cancellation_comment" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "signup_piece_id" text;--> statement-breakpoint
ALTER TABLE "pending_signup_sources" ADD CONSTRAINT "pending_signup_sources_piece_id_pieces_id_fk" FOREIGN KEY ("piece_id") REFERENCES "public"."pieces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "piece_reads" ADD CONSTRAINT "piece_reads_piece_id_pieces_id_fk" FOREIGN KEY ("piece_id") REFERENCES "public"."pieces"("id") ON DELETE cascade ON UPDATE no action;