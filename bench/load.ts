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
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  /** Connection errors, including timeouts. */
  errors: number;
  /** Mean response size in bytes. */
  bytesPerResponse: number;
}

function toStats(label: string, path: string, result: autocannon.Result): LoadStats {
  const requests = result["1xx"] + result["2xx"] + result["3xx"] + result["4xx"] + result["5xx"];
  return {
    label,
    path,
    requests,
    seconds: result.duration,
    reqPerSec: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    bytesPerResponse: requests > 0 ? result.throughput.total / requests : 0,
  };
}

/** Loads `baseUrl + path` for a fixed duration. */
export async function load(label: string, baseUrl: string, path: string, options: LoadOptions, headers: Headers = {}): Promise<LoadStats> {
  const result = await autocannon({
    url: `${baseUrl}${path}`,
    headers,
    connections: options.connections,
    duration: options.duration,
  });
  return toStats(label, path, result);
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
