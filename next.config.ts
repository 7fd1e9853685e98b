import path from "node:path";
import type { NextConfig } from "next";
import { SITE_HEADERS } from "./lib/http/site-headers";

// Benchmark-only routes (app/(bench)/**/page.bench.tsx) exist only in builds made with
// BENCH_BUILD=1 (bench/build.ts sets it); elsewhere "page.bench" is not a route file name.
const BENCH_EXTENSIONS = process.env.BENCH_BUILD === "1" ? ["bench.tsx"] : [];

// Archive filters (?vector=&level=) become path segments of a cached route ("_" for "any"), so
// every filtered list is cached per URL; the route validates them (lib/risk/archive-segments.ts).
const FILTER_VALUE = "[^/]{1,100}";
function archiveFilters(source: string, base: string) {
  const q = (key: string) => ({ type: "query" as const, key, value: `(?<${key}>${FILTER_VALUE})` });
  return [
    { source, has: [q("vector"), q("level")], destination: `${base}/f/:vector/:level` },
    { source, has: [q("vector")], destination: `${base}/f/:vector/_` },
    { source, has: [q("level")], destination: `${base}/f/_/:level` },
  ];
}

const nextConfig: NextConfig = {
  pageExtensions: [...BENCH_EXTENSIONS, "tsx", "ts", "jsx", "js"],
  serverExternalPackages: ["@electric-sql/pglite", "pg-boss"],
  poweredByHeader: false,
  // npm start's front gives cached pages an ETag, computed once per version (lib/http/front-response.mjs).
  generateEtags: false,
  // Image uploads (lib/media/image.ts: at most 8 MB) go through a server action.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "9mb" } },
  // Two instances on one machine (the two-instance test) each need their own build folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Cached pages live in Redis (REDIS_URL) or this process's memory, never in the build folder.
  cacheHandler: path.resolve(process.cwd(), "lib/cache/next-cache-handler.mjs"),
  cacheMaxMemorySize: 0,
  // With `revalidate = 5` on the public pages: Cache-Control s-maxage=5 and no stale-while-revalidate.
  expireTime: 5,
  async rewrites() {
    return {
      beforeFiles: [
        ...archiveFilters("/", "/home/1"),
        ...archiveFilters("/page/:n(\\d+)", "/home/:n"),
        ...archiveFilters("/category/:slug", "/category/:slug"),
        { source: "/", destination: "/home/1" },
        { source: "/page/:n(\\d+)", destination: "/home/:n" },
      ],
      afterFiles: [],
      fallback: [],
    };
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: Object.entries(SITE_HEADERS).map(([key, value]) => ({ key, value })),
      },
      // The staff preview of a piece is framed by the staff page next to it (proxy.ts: frame-ancestors 'self'); the later entry wins.
      { source: "/preview/:path*", headers: [{ key: "X-Frame-Options", value: "SAMEORIGIN" }] },
    ];
  },
};

export default nextConfig;
