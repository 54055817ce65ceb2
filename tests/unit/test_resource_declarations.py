"""Each resource is declared once: its class is generated from its provider's spec (constructor,
typed inputs made plain, secret inputs and outputs), none writes its own constructor."""

from __future__ import annotations

import asyncio
from typing import Any

import pulumi
import pytest
from pydantic import SecretStr

import pulumi_velocloud as velocloud
from pulumi_velocloud.mechanisms.declare import VcoResource, input_props, resource_options
from pulumi_velocloud.mechanisms.spec import REGISTRY


def _resource_classes() -> dict[str, type[VcoResource[Any]]]:
    return {cls._provider_class.spec.name: cls for cls in VcoResource.__subclasses__()}


def test_every_spec_has_one_generated_resource_class() -> None:
    classes = _resource_classes()
    assert set(classes) == set(REGISTRY)
    for name, cls in classes.items():
        assert "__init__" not in cls.__dict__, f"{name} writes its own constructor"
        assert cls._resource_type_name == f"dynamic/velocloud:{name}"
        assert getattr(velocloud, cls.__name__) is cls, f"{cls.__name__} is not exported"


def test_typed_inputs_become_plain_values() -> None:
    spec = REGISTRY["Edge"]
    props = input_props(
        spec,
        "nyc",
        None,
        {"name": "nyc", "site": velocloud.SiteArgs(name="NYC", lat=40.7), "model_number": "edge6X0"},
    )
    assert props["site"] == {"name": "NYC", "lat": 40.7}
    assert props["description"] is None and props["activation_key"] is None  # unset input, output
    ports = input_props(
        REGISTRY["PortGroup"], "web", None, {"ports": [velocloud.PortArgs(protocol="tcp", port_low=443)]}
    )
    assert ports["ports"] == [{"protocol": "tcp", "port_low": 443}]


def test_whole_args_objects_and_keywords_combine() -> None:
    args = velocloud.ProfileArgs(enterprise_id="e-1", name="Branch")
    props = input_props(REGISTRY["Profile"], "branch", args, {"description": "d"})
    assert (props["enterprise_id"], props["name"], props["description"]) == ("e-1", "Branch", "d")


def test_unknown_inputs_are_refused_naming_the_valid_ones() -> None:
    with pytest.raises(TypeError, match=r"Profile 'p': unknown input\(s\) colour; valid inputs: adopt, "):
        input_props(REGISTRY["Profile"], "p", None, {"colour": "red"})


def test_secret_inputs_are_pulumi_secrets() -> None:
    async def secret_flags() -> dict[str, bool]:
        props = input_props(
            REGISTRY["EnterpriseUser"], "ops", None, {"password": SecretStr("correct horse"), "role": "x"}
        )
        assert isinstance(props["password"], pulumi.Output)
        return {
            "password": await props["password"].is_secret(),
            "value": await props["password"].future() == "correct horse",
        }

    assert asyncio.run(secret_flags()) == {"password": True, "value": True}


def test_secret_outputs_come_from_the_spec() -> None:
    for name, spec in REGISTRY.items():
        opts = resource_options(spec, None)
        if spec.secret_outputs:
            assert opts is not None and sorted(opts.additional_secret_outputs or []) == sorted(
                spec.secret_outputs
            )
        else:
            assert opts is None, name


def test_pulumi_resolves_no_annotations_per_registered_resource() -> None:
    """The SDK resolves a resource class's type annotations for every resource it registers;
    ours are for type checkers only (docs/performance.md), so there is nothing to resolve."""
    from pulumi._types import resource_types

    for name, cls in _resource_classes().items():
        assert resource_types(cls) == {}, f"{name} keeps annotations at run time"


def test_the_program_waits_for_a_resource_through_its_registration_not_its_outputs() -> None:
    """The SDK's end-of-program wait costs O(tracked outputs) per resolved resource
    (docs/performance.md): a resource's properties, id and urn are untracked (the SDK's RPC
    manager awaits the registration and reports its failure); other Outputs stay tracked."""
    from pulumi.runtime.settings import SETTINGS

    from pulumi_velocloud.mechanisms.declare import untrack_properties

    async def tracked() -> dict[str, bool]:
        resource = type("Declared", (), {})()
        outputs = {
            "name": pulumi.Output.from_input("nyc-01"),
            "id": pulumi.Output.from_input("4b1b5ad0-0000-4000-8000-000000000001"),
            "urn": pulumi.Output.from_input("urn:pulumi:dev::p::velocloud:Edge::nyc-01"),
        }
        resource.__dict__.update(outputs)
        unrelated = pulumi.Output.from_input("a user's own Output")
        untrack_properties(resource, {"name": "nyc-01"})  # type: ignore[arg-type]
        return {
            **{name: output._data in SETTINGS.outputs for name, output in outputs.items()},
            "unrelated": unrelated._data in SETTINGS.outputs,
        }

    assert asyncio.run(tracked()) == {"name": False, "id": False, "urn": False, "unrelated": True}
