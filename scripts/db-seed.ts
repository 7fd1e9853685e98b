import { openDatabase } from "@/db/client";
import { seedDemo } from "@/db/seed";
import { databaseConfig } from "@/lib/env";

const cfg = databaseConfig();
const h = await openDatabase({ databaseUrl: cfg.databaseUrl, dataDir: cfg.dataDir, max: 1 });
await h.migrate();
const n = await seedDemo(h.db);
console.log(`seeded ${n} demo piece(s) into the ${h.kind} database`);
await h.close();
