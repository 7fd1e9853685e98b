// Node processes outside Next (worker, CLIs, benchmarks) run server code too: there, as in Next's
// server bundles, the `server-only` marker resolves to its empty module.
import { register } from "node:module";

register("./server-only-resolve.mjs", import.meta.url);
