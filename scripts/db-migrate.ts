import { openDatabase } from "@/db/client";
import { databaseConfig } from "@/lib/env";
import { backfillAnalysisHtml } from "@/lib/pieces/analysis-html";

const cfg = databaseConfig();
const h = await openDatabase({ databaseUrl: cfg.databaseUrl, dataDir: cfg.dataDir, max: 1 });
await h.migrate();
const rendered = await backfillAnalysisHtml(h.db);
if (rendered > 0) console.log(`rendered the stored analysis HTML of ${rendered} piece(s)`);
console.log(`migrated ${h.kind} database`);
await h.close();
