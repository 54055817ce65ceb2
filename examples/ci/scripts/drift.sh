#!/usr/bin/env bash
# CI step for the nightly run: `velocloud drift` of one stack. Writes OUT_DIR/drift-STACK.md and
# OUT_DIR/drift-STACK.json and exits with drift's code: 0 in sync, 2 drift found (the job fails),
# 1 error. The stack must exist.
#
#   drift.sh PROJECT_DIR STACK [OUT_DIR]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
project=$(ci_project_dir "${1:-}")
stack=${2:?usage: drift.sh PROJECT_DIR STACK [OUT_DIR]}
out=${3:-ci-report}
ci_prepare "$project"
mkdir -p "$out"

code=0
velocloud drift --cwd "$project" --stack "$stack" --format markdown --json-file "$out/drift-$stack.json" \
    > "$out/drift-$stack.md" || code=$?
cat "$out/drift-$stack.md"
exit "$code"
