#!/usr/bin/env bash
# CI step on the main branch: `pulumi up` of one stack. The pipeline runs it in a concurrency group
# per stack, so two applies of the same stack never overlap (the backend's lock is the last guard).
#
#   up.sh PROJECT_DIR STACK
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ci_job "up.sh PROJECT_DIR STACK" "$@"

pulumi stack select --non-interactive --create --cwd "$PROJECT" "$STACK"
pulumi up --non-interactive --yes --diff --cwd "$PROJECT" --stack "$STACK"
