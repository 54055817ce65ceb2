#!/usr/bin/env bash
# CI step on the main branch: `pulumi up` of one stack. The pipeline runs it in a concurrency group
# per stack, so two applies of the same stack never overlap (the backend's lock is the last guard).
#
#   up.sh PROJECT_DIR STACK
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
project=$(ci_project_dir "${1:-}")
stack=${2:?usage: up.sh PROJECT_DIR STACK}
ci_prepare "$project"

pulumi stack select --non-interactive --create --cwd "$project" "$stack"
pulumi up --non-interactive --yes --diff --cwd "$project" --stack "$stack"
