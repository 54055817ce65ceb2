"""Every `with` value the v1 spec gives an implemented method is honoured or declared as showing
nothing (with a reason), and only values whose result schema has no field may show nothing."""

from __future__ import annotations

import pytest

import vco_emulator.v1
from tests.fidelity.spec import spec_dir, v1_result_fields, v1_with_options
from vco_emulator.v1.rpc import METHODS
from vco_emulator.v1.with_options import ADDS, NOT_SHOWN

assert vco_emulator.v1  # imported for its registrations


@pytest.fixture(scope="module")
def spec_options() -> dict[str, tuple[str, ...]]:
    if spec_dir() is None:
        pytest.skip("vendor specs not found beside the repository (shared/vco-api)")
    return {m: values for m, values in v1_with_options().items() if m in METHODS}


def test_the_spec_gives_with_options_to_implemented_methods(spec_options: dict[str, tuple[str, ...]]) -> None:
    assert {"network/getNetworkEnterprises", "edge/getEdge", "configuration/getConfiguration"} <= set(
        spec_options
    )


def test_every_with_value_of_an_implemented_method_is_handled(
    spec_options: dict[str, tuple[str, ...]],
) -> None:
    missing = [
        f"{m} with {v}"
        for m, values in spec_options.items()
        for v in values
        if v not in ADDS.get(m, {}) and v not in NOT_SHOWN.get(m, {})
    ]
    assert not missing, "with values neither implemented nor declared not shown: " + ", ".join(missing)


def test_only_values_without_a_result_field_show_nothing(spec_options: dict[str, tuple[str, ...]]) -> None:
    shown_by_spec = [
        f"{m} with {v}" for m, reasons in NOT_SHOWN.items() for v in reasons if v in v1_result_fields(m)
    ]
    assert not shown_by_spec, "the spec has a result field for: " + ", ".join(shown_by_spec)
    assert all(v in spec_options.get(m, ()) for m, reasons in NOT_SHOWN.items() for v in reasons)
