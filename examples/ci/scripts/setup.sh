#!/usr/bin/env bash
# CI step: create the project's virtualenv (or reuse the one restored from the CI cache) and
# install its requirements; check that the pulumi CLI is there.
#
#   setup.sh PROJECT_DIR
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
project=$(ci_project_dir "${1:-}")
venv="${VENV:-$project/venv}"
if [[ ! -x "$venv/bin/python" ]]; then
    python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$project/requirements.txt"
command -v pulumi >/dev/null || { echo "setup: the pulumi CLI is not on PATH" >&2; exit 1; }
echo "setup: $("$venv/bin/velocloud" --version), pulumi $(pulumi version), virtualenv $venv"
