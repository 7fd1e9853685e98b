CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_profiles" (
	"user_id" text PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"display_name" text NOT NULL,
	"bio" text DEFAULT '' NOT NULL,
	"photo_url" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_profiles_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
ALTER TABLE "pieces" ADD COLUMN "mail_audience" text DEFAULT 'everyone' NOT NULL;--> statement-breakpoint
ALTER TABLE "sends" ADD COLUMN "audience" text DEFAULT 'everyone' NOT NULL;--> statement-breakpoint
ALTER TABLE "staff_profiles" ADD CONSTRAINT "staff_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- hand-written: a piece not to be mailed keeps that choice
UPDATE "pieces" SET "mail_audience" = 'none' WHERE "email_it" = false;--> statement-breakpoint
ALTER TABLE "pieces" DROP COLUMN "email_it";