ALTER TABLE "pieces" ADD COLUMN "email_subject" text;--> statement-breakpoint
ALTER TABLE "pieces" ADD COLUMN "email_preheader" text;