CREATE TYPE "public"."risk_direction" AS ENUM('rising', 'steady', 'easing');--> statement-breakpoint
CREATE TYPE "public"."risk_horizon" AS ENUM('weeks', 'months', 'years');--> statement-breakpoint
CREATE TYPE "public"."risk_level" AS ENUM('low', 'guarded', 'elevated', 'high', 'severe');--> statement-breakpoint
CREATE TYPE "public"."risk_tag_kind" AS ENUM('sector', 'region', 'organisation');--> statement-breakpoint
CREATE TYPE "public"."signal_status" AS ENUM('watching', 'triggered', 'faded');--> statement-breakpoint
CREATE TABLE "alert_preferences" (
	"user_id" text PRIMARY KEY NOT NULL,
	"alerts" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_exposures" (
	"piece_id" text NOT NULL,
	"tag_id" text NOT NULL,
	CONSTRAINT "assessment_exposures_piece_id_tag_id_pk" PRIMARY KEY("piece_id","tag_id")
);
--> statement-breakpoint
CREATE TABLE "assessment_signals" (
	"id" text PRIMARY KEY NOT NULL,
	"piece_id" text NOT NULL,
	"position" integer NOT NULL,
	"statement" text NOT NULL,
	"indicator" text NOT NULL,
	"status" "signal_status" DEFAULT 'watching' NOT NULL,
	"status_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_vectors" (
	"piece_id" text NOT NULL,
	"vector" text NOT NULL,
	"position" integer NOT NULL,
	"likelihood" integer NOT NULL,
	"impact" integer NOT NULL,
	"direction" "risk_direction" NOT NULL,
	"rationale" text NOT NULL,
	CONSTRAINT "assessment_vectors_piece_id_vector_pk" PRIMARY KEY("piece_id","vector")
);
--> statement-breakpoint
CREATE TABLE "follows" (
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"target" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "follows_user_id_kind_target_pk" PRIMARY KEY("user_id","kind","target")
);
--> statement-breakpoint
CREATE TABLE "piece_assessments" (
	"piece_id" text PRIMARY KEY NOT NULL,
	"level" "risk_level" NOT NULL,
	"horizon" "risk_horizon" NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_tags" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" "risk_tag_kind" NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_vectors" (
	"slug" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "risk_vectors_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "signal_changes" (
	"id" text PRIMARY KEY NOT NULL,
	"signal_id" text NOT NULL,
	"status" "signal_status" NOT NULL,
	"note" text NOT NULL,
	"actor_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sends" ALTER COLUMN "piece_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "sends" ADD COLUMN "signal_change_id" text;--> statement-breakpoint
ALTER TABLE "alert_preferences" ADD CONSTRAINT "alert_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_exposures" ADD CONSTRAINT "assessment_exposures_piece_id_piece_assessments_piece_id_fk" FOREIGN KEY ("piece_id") REFERENCES "public"."piece_assessments"("piece_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_exposures" ADD CONSTRAINT "assessment_exposures_tag_id_risk_tags_id_fk" FOREIGN KEY ("tag_id") REFERENCES "public"."risk_tags"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_signals" ADD CONSTRAINT "assessment_signals_piece_id_piece_assessments_piece_id_fk" FOREIGN KEY ("piece_id") REFERENCES "public"."piece_assessments"("piece_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_vectors" ADD CONSTRAINT "assessment_vectors_piece_id_piece_assessments_piece_id_fk" FOREIGN KEY ("piece_id") REFERENCES "public"."piece_assessments"("piece_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_vectors" ADD CONSTRAINT "assessment_vectors_vector_risk_vectors_slug_fk" FOREIGN KEY ("vector") REFERENCES "public"."risk_vectors"("slug") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "follows" ADD CONSTRAINT "follows_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "piece_assessments" ADD CONSTRAINT "piece_assessments_piece_id_pieces_id_fk" FOREIGN KEY ("piece_id") REFERENCES "public"."pieces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signal_changes" ADD CONSTRAINT "signal_changes_signal_id_assessment_signals_id_fk" FOREIGN KEY ("signal_id") REFERENCES "public"."assessment_signals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signal_changes" ADD CONSTRAINT "signal_changes_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_exposures_tag_idx" ON "assessment_exposures" USING btree ("tag_id");--> statement-breakpoint
CREATE INDEX "assessment_signals_piece_idx" ON "assessment_signals" USING btree ("piece_id");--> statement-breakpoint
CREATE INDEX "assessment_signals_status_idx" ON "assessment_signals" USING btree ("status","status_at");--> statement-breakpoint
CREATE INDEX "assessment_vectors_vector_idx" ON "assessment_vectors" USING btree ("vector");--> statement-breakpoint
CREATE INDEX "follows_target_idx" ON "follows" USING btree ("kind","target");--> statement-breakpoint
CREATE UNIQUE INDEX "risk_tags_kind_slug_uq" ON "risk_tags" USING btree ("kind","slug");--> statement-breakpoint
CREATE INDEX "signal_changes_signal_idx" ON "signal_changes" USING btree ("signal_id","at");--> statement-breakpoint
ALTER TABLE "sends" ADD CONSTRAINT "sends_signal_change_id_unique" UNIQUE("signal_change_id");--> statement-breakpoint
INSERT INTO "risk_vectors" ("slug", "name", "position") VALUES ('regulatory', 'Regulatory', 1), ('geopolitical', 'Geopolitical', 2), ('supply-chain', 'Supply chain', 3), ('financial', 'Financial', 4), ('cyber', 'Cyber', 5), ('reputational', 'Reputational', 6), ('societal', 'Societal', 7) ON CONFLICT DO NOTHING;
