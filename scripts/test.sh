#!/usr/bin/env bash
# README command 2: every test. The same setup as the demo, then lint, typecheck and test
# across the workspace through turbo (a second run is served from turbo's cache).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$repo_root"
pnpm exec turbo run lint typecheck test --output-logs=new-only "$@"
node scripts/test-summary.mjs
