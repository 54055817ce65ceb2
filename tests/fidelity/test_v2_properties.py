"""Property-based tests of the v2 API, generated from the 2022-12-15 spec for the operations the
emulator implements (`V2_OPERATIONS`), against the emulator running as a server.

For valid and schema-violating requests alike: never a 5xx, every response carries
`X-Request-ID`, and every response (errors included) matches the spec (`spec.check_exchange`, with
the documented corrections). Bounded and deterministic: derandomized, few examples per operation.
"""

from __future__ import annotations

import pytest

from .spec import V2_FILE, Exchange, check_exchange, spec_dir

if spec_dir() is None:
    pytest.skip(
        "vendor specs not found (expected at ../shared/vco-api beside the repository)",
        allow_module_level=True,
    )

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig

from vco_emulator import v2 as _v2  # noqa: F401  (registers the v2 operations)
from vco_emulator.process import EmulatorProcess
from vco_emulator.v2.http import V2_OPERATIONS

MAX_EXAMPLES = 15

_CONFIG = SchemathesisConfig.from_dict(
    {
        "seed": 20221215,
        "generation": {
            "mode": "all",
            "deterministic": True,
            "max-examples": MAX_EXAMPLES,
            "database": "none",
        },
        "phases": {"stateful": {"enabled": False}},
    }
)
_SPEC = spec_dir()
assert _SPEC is not None
schema = schemathesis.openapi.from_path(_SPEC / V2_FILE, config=_CONFIG).include(
    operation_id=sorted(V2_OPERATIONS)
)


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_v2_operation_properties(case: schemathesis.Case, vco: EmulatorProcess) -> None:
    response = case.call(base_url=vco.url, headers={"Authorization": f"Token {vco.token}"}, timeout=10)
    request = response.request
    body = request.body
    exchange = Exchange(
        method=request.method or case.method,
        url=request.url or "",
        request_body=body.encode() if isinstance(body, str) else (body or b""),
        status=response.status_code,
        headers=dict(response.headers),
        body=response.content,
    )
    where = f"{case.method} {case.formatted_path} -> {response.status_code}"
    assert response.status_code < 500, f"{where}: server error {response.text[:300]}"
    problems = check_exchange(exchange)
    assert not problems, f"{where}: " + "; ".join(map(str, problems))
