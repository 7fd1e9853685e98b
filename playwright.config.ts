import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3200);
export const E2E_BASE_URL = `http://localhost:${PORT}`;
const dataDir = process.env.E2E_DATA_DIR ?? ".data-e2e";
// The specs sign the one demo admin in some thirty times within the limit's 15-minute window.
export const E2E_SIGNIN_LIMIT_PER_EMAIL = 40;

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: process.env.CI ? 2 : 2,
  // One retry in CI for infrastructure hiccups; Playwright still reports such a test as flaky.
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: E2E_BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    // The production build in demo mode on a fresh embedded database, through `npm start`'s front
    // (scripts/serve.mjs), whose long keep-alive outlasts the tests' idle gaps (a 5 s one gave ECONNRESET).
    command: `rm -rf ${dataDir} && node scripts/serve.mjs`,
    url: `${E2E_BASE_URL}/robots.txt`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      DEMO_MODE: "true",
      PORT: String(PORT),
      DATA_DIR: dataDir,
      APP_URL: E2E_BASE_URL,
      DATABASE_URL: "",
      STRIPE_SECRET_KEY: "",
      RESEND_API_KEY: "",
      AUTH_SECRET: "",
      SIGNIN_LIMIT_PER_IP: "10000",
      SIGNIN_LIMIT_PER_EMAIL: String(E2E_SIGNIN_LIMIT_PER_EMAIL),
      STRIPE_STANDIN_PORT: process.env.E2E_STRIPE_PORT ?? "12211",
    },
  },
});
