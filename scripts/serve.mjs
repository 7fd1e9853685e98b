// `npm start`: Next's production server behind a thin front that knows the client's address
// (the socket's peer, or TRUSTED_PROXIES hops into X-Forwarded-For), gives cached pages their
// hash-based Content-Security-Policy, answers the few hot private requests the app registers for it
// (a signed-in reader's island), binds demo mode to loopback, and says plainly when its port is taken.
import { createServer } from "node:http";
import next from "next";
import { clientAddress } from "../lib/http/client-address.mjs";
import { frontResponseHeaders } from "../lib/http/front-response.mjs";
import { strictTransportSecurity } from "../lib/http/hsts.mjs";
import { frontRouteFor } from "../lib/http/front-routes.mjs";
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

const hsts = strictTransportSecurity(process.env.APP_URL);

/**
 * A route the app registered for the front (lib/http/front-routes.mjs) answers without Next.
 * @param {{ route: import("../lib/http/front-routes.mjs").FrontRoute, rest: string }} found
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 */
async function answerInFront(found, req, res) {
  try {
    const answer = await found.route(found.rest, req.headers.cookie);
    res.writeHead(answer.status, answer.headers).end(answer.body);
  } catch (err) {
    console.error(`GET ${req.url} failed:`, err);
    if (!res.headersSent) res.writeHead(500, { "content-type": "application/json", "cache-control": "private, no-store" });
    res.end(JSON.stringify({ error: "Something went wrong on our side. Try again in a moment." }));
  }
}

const server = createServer((req, res) => {
  if (hsts) res.setHeader("Strict-Transport-Security", hsts);
  const front = req.method === "GET" ? frontRouteFor(req.url ?? "/") : undefined;
  if (front) {
    void answerInFront(front, req, res);
    return;
  }
  req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], trustedProxies);
  req.headers[FRONT_TOKEN_HEADER] = token;
  frontResponseHeaders(req, res);
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
