CREATE TABLE "piece_revisions" (
	"id" text PRIMARY KEY NOT NULL,
	"piece_id" text NOT NULL,
	"fields" jsonb NOT NULL,
	"author_id" text,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "piece_revisions_kind_check" CHECK ("piece_revisions"."kind" in ('autosave', 'save', 'publish', 'restore'))
);
--> statement-breakpoint
ALTER TABLE "piece_revisions" ADD CONSTRAINT "piece_revisions_piece_id_pieces_id_fk" FOREIGN KEY ("piece_id") REFERENCES "public"."pieces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "piece_revisions" ADD CONSTRAINT "piece_revisions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "piece_revisions_piece_idx" ON "piece_revisions" USING btree ("piece_id","created_at");