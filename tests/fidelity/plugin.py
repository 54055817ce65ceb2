"""pytest plugin: every response the emulator sends to the emulator and provider tests must match
the vendor spec of the operation called.

While a test under `SCOPES` runs with the emulator server (`vco`/`emulator_server` fixtures),
`requests.Session.send` is wrapped to record each exchange with that server; at the test's
teardown every exchange is checked (`spec.check_exchange`) and the test errors with the
operation, status, JSON path and schema message of each difference. The exchanges are kept for
the session so `test_exercised.py` (moved to the end of the run) can tell which implemented
operations no test exercised. Registered from `tests/conftest.py`.

Not covered: traffic the pulumi CLI stack tests send from other processes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
import requests

from .spec import Exchange, check_exchange, repo_root, spec_dir

SCOPES = ("tests/emulator", "tests/provider")
LAST = "tests/fidelity/test_exercised.py"


@dataclass
class FidelityRun:
    """What the session saw: exchanges of the scoped tests, and whether all of them ran."""

    exchanges: list[Exchange] = field(default_factory=list)
    partial: list[str] = field(default_factory=list)
    scoped_tests: int = 0


RUN = pytest.StashKey[FidelityRun]()


def _scope_dirs() -> list[Path]:
    return [repo_root() / s for s in SCOPES]


def _in_scope(path: Path) -> bool:
    return any(path.is_relative_to(d) for d in _scope_dirs())


def pytest_configure(config: pytest.Config) -> None:
    config.stash[RUN] = FidelityRun()


def pytest_deselected(items: list[pytest.Item]) -> None:
    for item in items:
        if _in_scope(item.path):
            item.config.stash[RUN].partial.append(f"deselected {item.nodeid}")


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    run = config.stash[RUN]
    run.scoped_tests = sum(1 for item in items if _in_scope(item.path))
    last = [item for item in items if item.path == repo_root() / LAST]
    items[:] = [item for item in items if item.path != repo_root() / LAST] + last
    # The whole of each scope must have been collected: some argument names it or an ancestor.
    args = [Path(config.invocation_params.dir, a.split("::")[0]).resolve() for a in config.args]
    for scope in _scope_dirs():
        if not any(
            scope.is_relative_to(a) and "::" not in raw for a, raw in zip(args, config.args, strict=True)
        ):
            run.partial.append(f"{scope.relative_to(repo_root())} was not collected as a whole")
    if config.option.keyword or config.option.markexpr:
        run.partial.append("tests were selected with -k/-m")


@pytest.fixture(autouse=True)
def _fidelity_capture(request: pytest.FixtureRequest) -> Iterator[None]:
    if (
        not _in_scope(request.node.path)
        or "emulator_server" not in request.fixturenames
        or spec_dir() is None
    ):
        yield
        return
    base = request.getfixturevalue("emulator_server").url.rstrip("/") + "/"
    captured: list[Exchange] = []
    original = requests.Session.send

    def send(
        session: requests.Session, prepared: requests.PreparedRequest, **kwargs: Any
    ) -> requests.Response:
        response = original(session, prepared, **kwargs)
        if prepared.url and prepared.url.startswith(base):
            body = prepared.body
            captured.append(
                Exchange(
                    method=prepared.method or "GET",
                    url=prepared.url,
                    request_body=body.encode() if isinstance(body, str) else (body or b""),
                    status=response.status_code,
                    headers=dict(response.headers),
                    body=response.content,
                    test=request.node.nodeid,
                )
            )
        return response

    with mock.patch.object(requests.Session, "send", send):
        yield
    request.config.stash[RUN].exchanges.extend(captured)
    problems = [(e, p) for e in captured for p in check_exchange(e)]
    if problems:
        lines = [f"{e.method} {e.url}: {p}" for e, p in problems[:20]]
        more = f"\n... and {len(problems) - 20} more" if len(problems) > 20 else ""
        pytest.fail(
            "responses differ from the vendor spec (tests/fidelity/corrections.py lists accepted "
            "deviations):\n  " + "\n  ".join(lines) + more,
            pytrace=False,
        )


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    run = config.stash.get(RUN, None)
    if run is not None and run.exchanges:
        terminalreporter.write_line(
            f"fidelity: {len(run.exchanges)} emulator responses checked against the vendor specs"
        )
