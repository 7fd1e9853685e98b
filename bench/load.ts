import autocannon from "autocannon";

export interface LoadOptions {
  /** Seconds. */
  duration: number;
  connections: number;
}

/** Request headers of one page's requests (e.g. the session cookie of a signed-in reader). */
export type Headers = Record<string, string>;

export interface LoadStats {
  label: string;
  path: string;
  requests: number;
  /** Measured length of the run, seconds. */
  seconds: number;
  /** Mean of the per-second request counts (autocannon's "Req/Sec Avg"). */
  reqPerSec: number;
  /** Requests one page view makes (the document, then its island's private request). */
  requestsPerView: number;
  /** Page views per second: reqPerSec ÷ requestsPerView. */
  viewsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  /** Connection errors, including timeouts. */
  errors: number;
  /** Mean response size in bytes. */
  bytesPerResponse: number;
}

function toStats(label: string, path: string, result: autocannon.Result, requestsPerView = 1): LoadStats {
  const requests = result["1xx"] + result["2xx"] + result["3xx"] + result["4xx"] + result["5xx"];
  return {
    label,
    path,
    requests,
    seconds: result.duration,
    reqPerSec: result.requests.average,
    requestsPerView,
    viewsPerSec: result.requests.average / requestsPerView,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    bytesPerResponse: requests > 0 ? result.throughput.total / requests : 0,
  };
}

/**
 * Loads page views for a fixed duration: each connection requests `paths` in turn (a page's
 * document, then the private request its island makes), so every view costs what a browser's does.
 */
export async function load(label: string, baseUrl: string, paths: readonly string[], options: LoadOptions, headers: Headers = {}): Promise<LoadStats> {
  const result = await autocannon({
    url: baseUrl,
    headers,
    connections: options.connections,
    duration: options.duration,
    requests: paths.map((path) => ({ method: "GET" as const, path })),
  });
  return toStats(label, paths.join(" + "), result, paths.length);
}

/** Sends a fixed number of requests (to fill caches and warm the JIT); returns their stats. */
export async function warmUp(baseUrl: string, path: string, amount: number, connections: number, headers: Headers = {}): Promise<LoadStats> {
  const result = await autocannon({ url: `${baseUrl}${path}`, connections, amount, headers });
  return toStats("warm-up", path, result);
}

export interface Probe {
  status: number;
  /** x-nextjs-cache (HIT/STALE/MISS) or "-" when absent, e.g. for a prerendered page. */
  cache: string;
  cacheControl: string;
  bytes: number;
  body: string;
}

/** One plain request, to check what a page answers and how Next cached it. */
export async function probe(baseUrl: string, path: string, headers: Headers = {}): Promise<Probe> {
  const res = await fetch(`${baseUrl}${path}`, { headers, redirect: "manual", signal: AbortSignal.timeout(30_000) });
  const body = await res.text();
  return {
    status: res.status,
    cache: res.headers.get("x-nextjs-cache") ?? "-",
    cacheControl: res.headers.get("cache-control") ?? "-",
    bytes: Buffer.byteLength(body),
    body,
  };
}
