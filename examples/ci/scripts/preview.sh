#!/usr/bin/env bash
# CI step for a pull request: `pulumi preview` of one stack plus its drift report, written as one
# Markdown comment to OUT_DIR/comment-STACK.md (and the JSON report to OUT_DIR/drift-STACK.json).
# Drift does not fail the job here (it is shown to the reviewer); an error does.
#
#   preview.sh PROJECT_DIR STACK [OUT_DIR]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
project=$(ci_project_dir "${1:-}")
stack=${2:?usage: preview.sh PROJECT_DIR STACK [OUT_DIR]}
out=${3:-ci-report}
ci_prepare "$project"
mkdir -p "$out"

pulumi stack select --non-interactive --create --cwd "$project" "$stack"
pulumi preview --non-interactive --diff --cwd "$project" --stack "$stack" | tee "$out/preview-$stack.txt"
code=0
velocloud drift --cwd "$project" --stack "$stack" --format markdown --json-file "$out/drift-$stack.json" \
    > "$out/drift-$stack.md" || code=$?
if [[ $code -ne 0 && $code -ne 2 ]]; then
    echo "preview: velocloud drift failed (exit $code)" >&2
    exit "$code"
fi
{
    echo "### \`pulumi preview\` of stack \`$stack\`"
    echo
    echo '```'
    tail -n 60 "$out/preview-$stack.txt"
    echo '```'
    echo
    cat "$out/drift-$stack.md"
} > "$out/comment-$stack.md"
echo "preview: wrote $out/comment-$stack.md"
