# pulumi-velocloud: `make demo` runs the quickstart against the embedded emulator,
# `make test` runs lint, type-check and every test. Both install what they need.

SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
VPY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

export PULUMI_SKIP_UPDATE_CHECK := true
export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION := true

.PHONY: demo test venv pulumi lint format typecheck coverage coverage-check ci-examples pytest clean

demo: venv pulumi
	$(VPY) -m scripts.demo

test: venv pulumi lint typecheck coverage-check ci-examples pytest

venv: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	@echo "==> creating virtualenv $(VENV) with $(PYTHON)"
	@test -x $(VPY) || $(PYTHON) -m venv $(VENV)
	$(VPY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[emulator,dev]'
	@touch $@

pulumi:
	@scripts/install-pulumi

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VPY) -m scripts.gen_schemas --check

format: venv
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VPY) -m scripts.gen_schemas

typecheck: venv
	$(VENV)/bin/mypy

# emulator/COVERAGE.md: operations of the vendor specs the emulator implements (`coverage` rewrites it).
coverage: venv
	$(VPY) -m scripts.coverage

coverage-check: venv
	$(VPY) -m scripts.coverage --check

# examples/ci/: actionlint (built from its Go module, cached like the Pulumi CLI) for the GitHub
# workflows, GitLab's own JSON schema (vendored by check-jsonschema) for .gitlab-ci.yml.
ci-examples: venv
	@scripts/install-actionlint
	"$$(scripts/install-actionlint --print-bin-dir)/actionlint" -shellcheck= -pyflakes= examples/ci/github/*.yml
	$(VENV)/bin/check-jsonschema --builtin-schema vendor.gitlab-ci examples/ci/gitlab/.gitlab-ci.yml

pytest: venv pulumi
	PULUMI_BIN_DIR="$$(scripts/install-pulumi --print-bin-dir)" $(VPY) -m pytest $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) .demo .pytest_cache .mypy_cache .ruff_cache
