"""Every resource's outputs, as its provider returns them on real CRUD answers, are its spec's outputs.

Each resource is created from its spec's fixture (with the placeholder ids replaced by objects
made in the emulator), read back, updated with the same inputs and deleted; after each step the
outputs must have exactly the fields of the spec's `*Outputs` model and validate against it.
"""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

import pulumi_velocloud  # noqa: F401  (registers every resource)
from pulumi_velocloud.client import VcoClient
from pulumi_velocloud.context import connect, provider_context
from pulumi_velocloud.ids import logical_id
from pulumi_velocloud.mechanisms.provider_base import VcoProvider
from pulumi_velocloud.mechanisms.spec import (
    EXAMPLE_EDGE_ID,
    EXAMPLE_ENTERPRISE_ID,
    EXAMPLE_PROFILE_ID,
    EXAMPLE_USER_ID,
    REGISTRY,
    ResourceSpec,
)
from pulumi_velocloud.resources.edge import EdgeProvider
from pulumi_velocloud.resources.user import EnterpriseUserProvider
from vco_emulator.process import EmulatorProcess

from .access_helpers import customer_token

CUSTOMER_ONLY = frozenset({"EnterpriseDelegation"})


def _providers(cls: type[VcoProvider]) -> dict[str, type[VcoProvider]]:
    found: dict[str, type[VcoProvider]] = {}
    for sub in cls.__subclasses__():
        if "spec" in sub.__dict__:
            found[sub.spec.name] = sub
        found.update(_providers(sub))
    return found


PROVIDERS = _providers(VcoProvider)


def assert_matches(spec: ResourceSpec, step: str, outs: dict[str, Any] | None) -> None:
    assert outs is not None, f"{spec.name} {step}: no outputs"
    fields = set(spec.outputs.model_fields)
    assert set(outs) == fields, (
        f"{spec.name} {step}: outputs not in the spec {sorted(set(outs) - fields)}, "
        f"spec outputs missing {sorted(fields - set(outs))}"
    )
    try:
        spec.outputs.model_validate(outs)
    except ValidationError as exc:
        pytest.fail(f"{spec.name} {step}: outputs do not validate against {spec.outputs.__name__}: {exc}")


def _prerequisites(name: str, vco: EmulatorProcess, enterprise: dict[str, Any], edge_id: str) -> None:
    """What a resource needs besides its fixture's objects: an activated edge to reactivate,
    software images assigned to the enterprise."""
    if name == "EdgeReactivation":
        vco.admin("POST", f"edges/{edge_id}/activate")
    if name == "EdgeSoftwareImage":
        vco.admin("POST", "seed", {"fixture": "software-images"})
        client = connect().client
        profiles = [p.id for p in client.v1.get_network_configurations()]
        enterprise_id = connect().ids.enterprise(logical_id(enterprise["logical_id"]))
        params = {"enterpriseId": enterprise_id, "configurationIds": profiles}
        client.v1.call("enterprise/assignEnterpriseOperatorConfigurations", params)


def real_inputs(spec: ResourceSpec, ids: dict[str, str]) -> dict[str, Any]:
    """The spec's fixture with its placeholder ids replaced by real ones."""

    def real(value: Any) -> Any:
        if isinstance(value, str):
            return ids.get(value, value)
        return [real(v) for v in value] if isinstance(value, list) else value

    return {k: real(v) for k, v in spec.fixture.items()}


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_crud_outputs_match_the_spec(
    name: str, enterprise: dict[str, Any], profile: dict[str, Any], client: VcoClient, vco: EmulatorProcess
) -> None:
    spec = REGISTRY[name]
    edge = EdgeProvider().create(
        {
            "enterprise_id": enterprise["logical_id"],
            "profile_id": profile["logical_id"],
            "name": "outputs-edge",
            "model_number": "edge6X0",
        }
    )
    ids = {
        EXAMPLE_ENTERPRISE_ID: enterprise["logical_id"],
        EXAMPLE_PROFILE_ID: profile["logical_id"],
        EXAMPLE_EDGE_ID: edge.id,
    }
    if EXAMPLE_USER_ID in spec.fixture.values():
        user = EnterpriseUserProvider().create(
            {
                "enterprise_id": enterprise["logical_id"],
                "username": "outputs-user@acme.example",
                "role": "Enterprise Standard Admin",
                "password": "correct horse battery",
            }
        )
        ids[EXAMPLE_USER_ID] = user.id
    _prerequisites(name, vco, enterprise, str(edge.id))
    inputs = real_inputs(spec, ids)
    if "name" in inputs:  # the fixtures' enterprise "ACME" and profile "Branch" exist already
        inputs["name"] = f"spec {inputs['name']}"
    provider = PROVIDERS[name]()
    assert provider.check({}, inputs).failures == []
    if name in CUSTOMER_ONLY:  # the Orchestrator lets only the customer's own users call these
        provider_context().configure(
            {"velocloud:url": vco.url, "velocloud:token": customer_token(client, enterprise)}
        )

    created = provider.create(inputs)
    assert_matches(spec, "create", created.outs)
    assert created.outs is not None
    read = provider.read(created.id, created.outs)
    assert read.id == created.id
    assert_matches(spec, "read", read.outs)
    assert read.outs is not None
    updated = provider.update(created.id, read.outs, inputs)
    assert_matches(spec, "update", updated.outs)
    provider.delete(created.id, updated.outs or read.outs)
