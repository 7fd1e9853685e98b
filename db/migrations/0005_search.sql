ALTER TABLE "pieces" ADD COLUMN "search_public" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', "headline"), 'A')
  || setweight(to_tsvector('english', "teaser"), 'B')
  || setweight(to_tsvector('english', coalesce("source_headline", '') || ' ' || coalesce("source_outlet", '') || ' ' || coalesce("source_body", '')), 'C')) STORED;--> statement-breakpoint
ALTER TABLE "pieces" ADD COLUMN "search_analysis" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', "analysis"), 'D')) STORED;--> statement-breakpoint
CREATE INDEX "pieces_search_public_idx" ON "pieces" USING gin ("search_public");--> statement-breakpoint
CREATE INDEX "pieces_search_analysis_idx" ON "pieces" USING gin ("search_analysis");