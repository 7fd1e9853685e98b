import { openDatabase } from "@/db/client";
import { databaseConfig } from "@/lib/env";

const cfg = databaseConfig();
const h = await openDatabase({ databaseUrl: cfg.databaseUrl, dataDir: cfg.dataDir, max: 1 });
await h.migrate();
console.log(`migrated ${h.kind} database`);
await h.close();
