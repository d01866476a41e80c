#!/usr/bin/env bash
# README command 2: every test. The same setup as the demo, then lint, typecheck and test
# across the workspace through turbo (a second run is served from turbo's cache).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$repo_root"
# Two tasks at a time on the 2-core CI machine: test files that boot TCG guests must not starve each other.
pnpm exec turbo run lint typecheck test --concurrency=2 --output-logs=new-only "$@"
node scripts/test-summary.mjs
