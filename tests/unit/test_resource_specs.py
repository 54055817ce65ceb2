"""Tests generated from each resource's one definition (`ResourceSpec`): its fixture is valid,
every required input is enforced by `check`, and the generated schema documents every input."""

from __future__ import annotations

import pytest

import pulumi_velocloud  # noqa: F401  (registers every resource)
from pulumi_velocloud.mechanisms.provider_base import VcoProvider
from pulumi_velocloud.mechanisms.spec import REGISTRY, ResourceSpec


def _concrete(cls: type[VcoProvider]) -> list[type[VcoProvider]]:
    """Every provider class below `cls` that defines its own spec (skipping shared bases)."""
    found = []
    for sub in cls.__subclasses__():
        if "spec" in sub.__dict__:
            found.append(sub)
        found.extend(_concrete(sub))
    return found


PROVIDERS: dict[str, VcoProvider] = {cls.spec.name: cls() for cls in _concrete(VcoProvider)}


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
        reason = failures[0].reason
        assert f"{spec.name} field {name}" in reason and ("missing" in reason or "required" in reason), reason


def test_schema_documents_every_input_and_output(spec: ResourceSpec) -> None:
    schema = spec.schema()
    assert set(schema["inputs"]["properties"]) == set(spec.args.model_fields)
    assert set(spec.replace_on_change) <= set(spec.args.model_fields)
    assert set(spec.secret_outputs) <= set(schema["outputs"]["properties"]) | set(spec.args.model_fields)
    assert set(spec.natural_key) <= set(spec.args.model_fields)


def test_check_never_echoes_secrets_or_whole_input_bags() -> None:
    settings = PROVIDERS["ProfileDeviceSettings"]
    fixture = dict(REGISTRY["ProfileDeviceSettings"].fixture)
    typo = settings.check({}, {**fixture, "snmp": {"community": "S3CRET-COMMUNITY"}}).failures
    assert typo and all("S3CRET-COMMUNITY" not in f.reason for f in typo)
    short = settings.check(
        {}, {**fixture, "snmp": {"v3_users": [{"name": "u", "passphrase": "tiny"}]}}
    ).failures
    assert short and all("tiny" not in f.reason for f in short)
