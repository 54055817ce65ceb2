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
