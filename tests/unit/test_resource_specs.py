"""Tests generated from each resource's one definition (`ResourceSpec`): its fixture is valid,
every required input is enforced by `check`, and the generated schema documents every input."""

from __future__ import annotations

import pytest

import pulumi_velocloud  # noqa: F401  (registers every resource)
from pulumi_velocloud.resources.base import VcoProvider
from pulumi_velocloud.resources.spec import REGISTRY, ResourceSpec

PROVIDERS: dict[str, VcoProvider] = {cls.spec.name: cls() for cls in VcoProvider.__subclasses__()}


@pytest.fixture(params=sorted(REGISTRY), ids=str)
def spec(request: pytest.FixtureRequest) -> ResourceSpec:
    return REGISTRY[request.param]


def test_every_resource_has_a_provider_and_a_valid_fixture(spec: ResourceSpec) -> None:
    assert spec.name in PROVIDERS, f"{spec.name} has no provider class"
    assert spec.fixture, f"{spec.name}: give its ResourceSpec a fixture of valid inputs"
    assert PROVIDERS[spec.name].check({}, dict(spec.fixture)).failures == []


def test_every_required_input_is_enforced(spec: ResourceSpec) -> None:
    required = [name for name, f in spec.args.model_fields.items() if f.is_required()]
    for name in required:
        inputs = {k: v for k, v in spec.fixture.items() if k != name}
        failures = PROVIDERS[spec.name].check({}, inputs).failures
        assert [f.property for f in failures] == [name], name
        assert f"{spec.name} field {name} = missing" in failures[0].reason


def test_schema_documents_every_input_and_output(spec: ResourceSpec) -> None:
    schema = spec.schema()
    assert set(schema["inputs"]["properties"]) == set(spec.args.model_fields)
    assert set(spec.replace_on_change) <= set(spec.args.model_fields)
    assert set(spec.secret_outputs) <= set(schema["outputs"]["properties"])
    assert set(spec.natural_key) <= set(spec.args.model_fields)
