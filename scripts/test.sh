#!/usr/bin/env bash
# npm test: everything, in the order a failure is cheapest to find.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n=== %s ===\n' "$*"; }

step "chromium"; bash scripts/ensure-chromium.sh
step "types"; npx tsc --noEmit
step "lint (boundaries, no import cycles)"; npm run lint --silent
step "unit and integration tests (PGlite${DATABASE_URL:+ and PostgreSQL})"; npx vitest run
step "production build"; npx next build
step "end-to-end tests (chromium, demo mode)"; npx playwright test
