CREATE TABLE "categories" (
	"id" text PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "categories_slug_unique" UNIQUE("slug"),
	CONSTRAINT "categories_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "category_redirects" (
	"from_slug" text PRIMARY KEY NOT NULL,
	"category_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "category_redirects" ADD CONSTRAINT "category_redirects_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- One managed category per distinct free-text category, slugged as lib/publishing/slug.ts does; a clash gets a suffix.
INSERT INTO "categories" ("id", "slug", "name")
SELECT gen_random_uuid()::text,
	CASE WHEN n = 1 THEN base ELSE base || '-' || n END,
	category
FROM (
	SELECT category, base, row_number() OVER (PARTITION BY base ORDER BY category) AS n
	FROM (
		SELECT DISTINCT category,
			coalesce(nullif(rtrim(left(trim(BOTH '-' FROM regexp_replace(replace(lower(regexp_replace(normalize(category, NFKD), E'[\\u0300-\\u036f]', '', 'g')), '&', ' and '), '[^a-z0-9]+', '-', 'g')), 80), '-'), ''), 'category') AS base
		FROM "pieces"
	) AS d
) AS s;--> statement-breakpoint
ALTER TABLE "pieces" ADD CONSTRAINT "pieces_category_categories_name_fk" FOREIGN KEY ("category") REFERENCES "public"."categories"("name") ON DELETE restrict ON UPDATE cascade;