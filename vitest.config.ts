import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Tests run server code, as Next's server bundles do, where the marker is its empty module.
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    include: ["**/*.test.ts", "**/*.test.tsx"],
    exclude: ["node_modules/**", "e2e/**/*.spec.ts", ".next/**", ".data/**"],
    environment: "node",
    env: { DEMO_MODE: "true", DATA_DIR: ".data-test", APP_URL: "http://localhost:3000", AUTH_SECRET: "test-secret-for-vitest-only" },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    fileParallelism: true,
    // next-auth imports "next/server" without an extension, which only a bundler resolves: let Vite load it.
    server: { deps: { inline: ["next-auth"] } },
  },
});
