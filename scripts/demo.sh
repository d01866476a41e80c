#!/usr/bin/env bash
# README command 1: set up, build, then bring up the demo VMI of examples/demo-vm.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$repo_root"
pnpm exec turbo run build --output-logs=errors-only
pnpm --filter @kvmkit/example-demo-vm run demo
