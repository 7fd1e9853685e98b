// `npm start`: Next's production server behind a thin front that knows the client's address
// (the socket's peer, or TRUSTED_PROXIES hops into X-Forwarded-For), binds demo mode to loopback,
// and says plainly when its port is taken.
import { createServer } from "node:http";
import next from "next";
import { clientAddress } from "../lib/http/client-address.mjs";
import { CLIENT_ADDRESS_HEADER, FRONT_TOKEN_HEADER, frontToken } from "../lib/http/front-token.mjs";

const port = Number(process.env.PORT ?? 3000);
const demo = ["true", "1"].includes(process.env.DEMO_MODE ?? "");
const host = process.env.BIND_ADDRESS ?? (demo ? "127.0.0.1" : "0.0.0.0");
const trustedProxies = Number(process.env.TRUSTED_PROXIES ?? 0);
if (!Number.isInteger(trustedProxies) || trustedProxies < 0 || trustedProxies > 10) {
  console.error(`TRUSTED_PROXIES must be a whole number of proxy hops (0 to 10), not "${process.env.TRUSTED_PROXIES}".`);
  process.exit(1);
}

const app = next({ dev: false, hostname: "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();
const token = frontToken();

// HSTS only where the site really is served over https, and decided at run time (APP_URL is runtime configuration).
const hsts = (process.env.APP_URL ?? "").startsWith("https://") ? "max-age=63072000; includeSubDomains" : null;

const server = createServer((req, res) => {
  if (hsts) res.setHeader("Strict-Transport-Security", hsts);
  req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], trustedProxies);
  req.headers[FRONT_TOKEN_HEADER] = token;
  void handle(req, res);
});
server.keepAliveTimeout = Number(process.env.KEEP_ALIVE_TIMEOUT_MS ?? 75_000);
server.headersTimeout = server.keepAliveTimeout + 1_000;
server.on("error", (err) => {
  if (/** @type {NodeJS.ErrnoException} */ (err).code === "EADDRINUSE") {
    console.error(`Port ${port} on ${host} is taken by another program: set PORT to a free port.`);
    process.exit(1);
  }
  throw err;
});
server.listen(port, host, async () => {
  // In production Next boots the app (instrumentation.ts: configuration, migrations, the demo's
  // stand-ins, workers) on its first request. Make that request now, so a start that cannot
  // succeed stops here with its one-line reason, and "ready" means ready.
  const self = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  await fetch(`http://${self}:${port}/robots.txt`).catch(() => undefined);
  console.log(`ready on http://localhost:${port}${demo ? " (demo mode, this machine only)" : ""}`);
});

for (const signal of ["SIGTERM", "SIGINT"]) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
