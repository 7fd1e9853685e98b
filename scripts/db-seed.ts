import { openDatabase } from "@/db/client";
import { seedDemo } from "@/db/seed";
import { databaseConfig } from "@/lib/env";
import { backfillAnalysisHtml } from "@/lib/pieces/analysis-html";

const cfg = databaseConfig();
const h = await openDatabase({ databaseUrl: cfg.databaseUrl, dataDir: cfg.dataDir, max: 1 });
await h.migrate();
const n = await seedDemo(h.db);
const rendered = await backfillAnalysisHtml(h.db);
if (rendered > 0) console.log(`rendered the stored analysis HTML of ${rendered} piece(s)`);
console.log(`seeded ${n} demo piece(s) into the ${h.kind} database`);
await h.close();
