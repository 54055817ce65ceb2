#!/usr/bin/env bash
# CI step for the nightly run: `velocloud drift` of one stack. Writes OUT_DIR/drift-STACK.md and
# OUT_DIR/drift-STACK.json and exits with drift's code: 0 in sync, 2 drift found (the job fails),
# 1 error. The stack must exist.
#
#   drift.sh PROJECT_DIR STACK [OUT_DIR]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ci_job "drift.sh PROJECT_DIR STACK [OUT_DIR]" "$@"

ci_drift_report
cat "$OUT/drift-$STACK.md"
exit "$DRIFT_EXIT"
