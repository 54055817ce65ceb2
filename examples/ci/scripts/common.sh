# Sourced by the CI scripts: the project's virtualenv on PATH and the stack's backend logged in.
#
# Environment (from the CI system; never written to disk by these scripts):
#   PULUMI_BACKEND_URL        where stack state lives: s3://..., azblob://..., gs://..., or
#                             https://api.pulumi.com (then PULUMI_ACCESS_TOKEN)
#   PULUMI_CONFIG_PASSPHRASE  for self-managed backends with the passphrase secrets provider
#   VCO_API_TOKEN             the Orchestrator API token (a CI secret)
#   VENV                      the virtualenv to use (default: PROJECT_DIR/venv, as Pulumi.yaml names it)
set -euo pipefail

ci_project_dir() {
    local project=${1:?usage: $0 PROJECT_DIR ...}
    [[ -f "$project/Pulumi.yaml" ]] || { echo "ci: $project has no Pulumi.yaml" >&2; exit 1; }
    printf '%s' "$project"
}

# ci_job "USAGE" PROJECT_DIR STACK [OUT_DIR]: sets PROJECT, STACK and OUT (default ci-report),
# puts the virtualenv on PATH and logs in to the backend.
ci_job() {
    local usage=$1
    PROJECT=$(ci_project_dir "${2:-}")
    STACK=${3:?usage: $usage}
    OUT=${4:-ci-report}
    ci_prepare "$PROJECT"
    mkdir -p "$OUT"
}

ci_prepare() {
    local project=$1
    export VENV="${VENV:-$project/venv}"
    [[ -x "$VENV/bin/velocloud" ]] || { echo "ci: no velocloud in $VENV; run setup.sh first" >&2; exit 1; }
    export PATH="$VENV/bin:$PATH"
    export PULUMI_SKIP_UPDATE_CHECK=true
    command -v pulumi >/dev/null || { echo "ci: the pulumi CLI is not on PATH" >&2; exit 1; }
    [[ -n "${PULUMI_BACKEND_URL:-}" ]] || { echo "ci: set PULUMI_BACKEND_URL (s3://, azblob://, gs:// or Pulumi Cloud)" >&2; exit 1; }
    [[ -n "${VCO_API_TOKEN:-}" ]] || { echo "ci: set VCO_API_TOKEN from the CI secrets" >&2; exit 1; }
    pulumi login --non-interactive "$PULUMI_BACKEND_URL" >/dev/null
}

# ci_drift_report: `velocloud drift` of $STACK into $OUT/drift-$STACK.md and .json; sets DRIFT_EXIT
# (0 in sync, 2 drift found, 1 error).
ci_drift_report() {
    DRIFT_EXIT=0
    velocloud drift --cwd "$PROJECT" --stack "$STACK" --format markdown --json-file "$OUT/drift-$STACK.json" \
        > "$OUT/drift-$STACK.md" || DRIFT_EXIT=$?
}
