import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The layering the README draws: app → components → lib → db; emails are templates lib renders.
// Product code never reaches into tests, and only lib/demo.ts may start a stand-in.
const PRODUCT = ["app/**", "components/**", "lib/**", "db/**", "emails/**", "proxy.ts", "instrumentation.ts", "next.config.ts"];
const OUTSIDE_E2E = ["./app", "./components", "./lib", "./db", "./emails", "./standins", "./test-support", "./bench", "./scripts"];
const TESTS = ["**/*.test.ts", "**/*.test.tsx"];

const zone = (target, from, message) => ({ target, from, message });
const productZones = [
  zone(PRODUCT.map((p) => `./${p.replace("/**", "")}`), ["./e2e", "./test-support"], "Product code never imports test code."),
  zone("./lib", ["./app", "./components"], "lib/ is below app/ and components/: pass values down, never import up."),
  zone("./components", "./app", "Components get server actions as props from their page; they never import app/."),
  zone("./db", ["./lib", "./app", "./components", "./emails"], "db/ is the bottom layer: schema, migrations, the connection factory."),
  zone("./emails", ["./app", "./components", "./db"], "Email templates take props; they never read the database or the app."),
];
const standinZone = zone(
  PRODUCT.map((p) => `./${p.replace("/**", "")}`),
  "./standins",
  "Only lib/demo.ts starts a stand-in (demo mode); everything else talks to Stripe and Resend through their SDKs.",
);

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", ".next-*/**", ".data/**", ".data-*/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "@typescript-eslint/ban-ts-comment": ["error", { "ts-expect-error": "allow-with-description", "ts-ignore": true }],
      "import/no-restricted-paths": ["error", { zones: [zone(OUTSIDE_E2E, "./e2e", "Nothing imports e2e/: it holds Playwright specs and fixtures only.")] }],
    },
  },
  {
    files: PRODUCT,
    ignores: TESTS,
    rules: { "import/no-restricted-paths": ["error", { zones: [...productZones, standinZone] }] },
  },
  {
    files: ["lib/demo.ts"],
    rules: { "import/no-restricted-paths": ["error", { zones: productZones }] },
  },
  {
    files: ["standins/stripe/**"],
    ignores: TESTS,
    rules: {
      "import/no-restricted-paths": [
        "error",
        { zones: [zone("./standins/stripe", ["./test-support", "./e2e", "./app", "./components", "./lib"], "The Stripe stand-in ships with demo mode: it stands alone.")] },
      ],
    },
  },
];

export default config;
