import type { NextConfig } from "next";
import { SESSION_COOKIES } from "./lib/auth/cookie-names";

const nextConfig: NextConfig = {
  serverExternalPackages: ["@electric-sql/pglite", "pg-boss"],
  poweredByHeader: false,
  experimental: { authInterrupts: true },
  async rewrites() {
    // Anonymous readers get the static, cached teaser pages. A request that carries a
    // session cookie is routed to the dynamic reader page, which runs the access rule.
    const forSignedIn = SESSION_COOKIES.map((key) => ({
      source: "/p/:slug",
      has: [{ type: "cookie" as const, key }],
      destination: "/read/:slug",
    }));
    return {
      beforeFiles: [
        ...forSignedIn,
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
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default nextConfig;
