#!/usr/bin/env bash
# CI step for a pull request: `pulumi preview` of one stack plus its drift report, written as one
# Markdown comment to OUT_DIR/comment-STACK.md (and the JSON report to OUT_DIR/drift-STACK.json).
# Drift does not fail the job here (it is shown to the reviewer); an error does.
#
#   preview.sh PROJECT_DIR STACK [OUT_DIR]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ci_job "preview.sh PROJECT_DIR STACK [OUT_DIR]" "$@"

pulumi stack select --non-interactive --create --cwd "$PROJECT" "$STACK"
pulumi preview --non-interactive --diff --cwd "$PROJECT" --stack "$STACK" | tee "$OUT/preview-$STACK.txt"
ci_drift_report
if [[ $DRIFT_EXIT -ne 0 && $DRIFT_EXIT -ne 2 ]]; then
    echo "preview: velocloud drift failed (exit $DRIFT_EXIT)" >&2
    exit "$DRIFT_EXIT"
fi
{
    echo "### \`pulumi preview\` of stack \`$STACK\`"
    echo
    echo '```'
    tail -n 60 "$OUT/preview-$STACK.txt"
    echo '```'
    echo
    cat "$OUT/drift-$STACK.md"
} > "$OUT/comment-$STACK.md"
echo "preview: wrote $OUT/comment-$STACK.md"
