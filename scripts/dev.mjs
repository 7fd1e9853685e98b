// `npm run dev`: Next's dev server on PORT (default 3000), refusing a taken port with one line instead of
// drifting to the next free one, where APP_URL (derived from PORT) and so sign-in links would not follow.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";

const raw = process.env.PORT?.trim() || "3000";
const port = Number(raw);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`PORT must be a port number (1 to 65535), not "${raw}".`);
  process.exit(1);
}

const free = await new Promise((resolve) => {
  const probe = createServer();
  probe.once("error", () => resolve(false));
  probe.listen(port, () => probe.close(() => resolve(true)));
});
if (!free) {
  console.error(`Port ${port} is taken by another program: set PORT to a free port (PORT=${port === 65535 ? 3001 : port + 1} npm run dev).`);
  process.exit(1);
}

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const child = spawn(process.execPath, [nextBin, "dev", "--port", String(port), ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, PORT: String(port) },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
