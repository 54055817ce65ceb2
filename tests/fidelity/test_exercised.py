"""Every operation the emulator implements is exercised, successfully, by the emulator or provider
tests, so the fidelity plugin has checked its success response against the spec at least once.

Runs last (the plugin moves it) and needs the whole of tests/emulator and tests/provider in the
same pytest session; it skips, naming why, when the run was partial.
"""

from __future__ import annotations

import pytest

import vco_emulator.v1
import vco_emulator.v2
from vco_emulator.v1.rpc import METHODS
from vco_emulator.v2.http import V2_OPERATIONS

from .corrections import V1_NOT_IN_SPEC, V2_NOT_IN_SPEC
from .plugin import RUN, SCOPES
from .spec import spec_dir, v1_spec, v2_spec

# Registered by the emulator but no spec operation: the catch-all 404 of unknown v2 paths.
V2_INTERNAL = {"unknownOperation"}

assert vco_emulator.v1 and vco_emulator.v2  # imported for their registrations


def implemented() -> set[tuple[str, str]]:
    return {("v2", op) for op in V2_OPERATIONS - V2_INTERNAL} | {("v1", name) for name in METHODS}


def test_every_implemented_operation_is_in_the_spec() -> None:
    if spec_dir() is None:
        pytest.skip("vendor specs not found (expected at ../shared/vco-api beside the repository)")
    unknown = sorted(
        f"{api} {op}"
        for api, op in implemented()
        if op not in (v2_spec().operations if api == "v2" else v1_spec().methods)
        and not (api == "v2" and op in V2_NOT_IN_SPEC)
        and not (api == "v1" and op in V1_NOT_IN_SPEC)
    )
    assert not unknown, f"implemented operations with no operation of that name in the spec: {unknown}"
    assert V2_NOT_IN_SPEC.keys() <= V2_OPERATIONS, "corrections.V2_NOT_IN_SPEC names an unknown operation"
    assert not V2_NOT_IN_SPEC.keys() & v2_spec().operations.keys(), "V2_NOT_IN_SPEC: now in the spec"
    assert V1_NOT_IN_SPEC.keys() <= METHODS.keys(), "corrections.V1_NOT_IN_SPEC names an unknown method"
    assert not V1_NOT_IN_SPEC.keys() & v1_spec().methods.keys(), "V1_NOT_IN_SPEC: now in the spec"


def test_every_implemented_operation_is_exercised(request: pytest.FixtureRequest) -> None:
    if spec_dir() is None:
        pytest.skip("vendor specs not found (expected at ../shared/vco-api beside the repository)")
    run = request.config.stash[RUN]
    if run.partial or not run.scoped_tests:
        pytest.skip(f"needs all of {', '.join(SCOPES)} in this session: {'; '.join(run.partial[:3])}")
    called: set[tuple[str, str]] = set()
    succeeded: set[tuple[str, str]] = set()
    for exchange in run.exchanges:
        operation = exchange.operation()
        if operation is None:
            continue
        called.add(operation)
        body = exchange.json()
        rpc_error = isinstance(body, dict) and "error" in body and operation[0] == "v1"
        if 200 <= exchange.status < 300 and not rpc_error:
            succeeded.add(operation)
    never = sorted(f"{api} {op}" for api, op in implemented() - called)
    failing = sorted(f"{api} {op}" for api, op in implemented() & called - succeeded)
    assert not never, f"implemented operations no emulator/provider test calls: {never}"
    assert not failing, f"implemented operations no test calls successfully (only errors): {failing}"
