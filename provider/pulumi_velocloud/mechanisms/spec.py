"""One definition per resource: its inputs, outputs, what replaces, what is secret, an example.

From a `ResourceSpec` come the validation in `check`, the `replaces` in `diff`, the
generated JSON Schemas in `schemas/` and the reference in `docs/reference.md`
(`scripts/gen_schemas.py`; `make test` fails when they are stale).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from ..ids import LogicalId

# The input every resource of an enterprise has.
EnterpriseId = Annotated[
    LogicalId, Field(min_length=1, description="logicalId of the enterprise (an `Enterprise` id).")
]
# Placeholder ids in the specs' fixtures (valid inputs for generated tests; tests replace them).
EXAMPLE_ENTERPRISE_ID = "6a3f0c1e-0000-4000-8000-000000000001"
EXAMPLE_PROFILE_ID = "6a3f0c1e-0000-4000-8000-000000000002"
EXAMPLE_EDGE_ID = "6a3f0c1e-0000-4000-8000-000000000003"
EXAMPLE_USER_ID = "4001"  # an EnterpriseUser's id: its numeric id in decimal


class ResourceArgs(BaseModel):
    """Base of every resource's inputs: strict, immutable, and the `adopt` switch."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    adopt: bool = Field(
        False,
        description="Take over an existing object with the same natural key (e.g. name) instead of failing; "
        "it is then brought to the declared state. Our answer to `pulumi import`.",
    )


@dataclass(frozen=True)
class ResourceSpec:
    name: str
    summary: str
    args: type[ResourceArgs]
    outputs: type[BaseModel]
    natural_key: tuple[str, ...]
    example: str
    fixture: dict[str, Any] = field(default_factory=dict)  # valid inputs, for generated tests
    replace_on_change: frozenset[str] = frozenset()
    server_defaulted: frozenset[str] = frozenset()
    secret_outputs: frozenset[str] = frozenset()
    secret_inputs: frozenset[str] = frozenset()  # kept as Pulumi secrets from the program on
    # free-form inputs whose secret-looking leaves (`secret_scan`) are kept as Pulumi secrets, the rest
    # shown in diffs field by field
    scanned_inputs: frozenset[str] = frozenset()
    delete_before_replace: bool = False
    notes: tuple[str, ...] = field(default=())

    @property
    def managed_fields(self) -> list[str]:
        """The inputs that describe the object (all but `adopt`)."""
        return [f for f in self.args.model_fields if f != "adopt"]

    def schema(self) -> dict[str, Any]:
        """The JSON document written to `schemas/<name>.json`."""
        return {
            "resource": self.name,
            "type": f"pulumi-python:dynamic/velocloud:{self.name}",
            "summary": self.summary,
            "naturalKey": list(self.natural_key),
            "replaceOnChanges": sorted(self.replace_on_change),
            "deleteBeforeReplace": self.delete_before_replace,
            "serverDefaulted": sorted(self.server_defaulted),
            "secretOutputs": sorted(self.secret_outputs),
            "secretInputs": sorted(self.secret_inputs),
            "scannedInputs": sorted(self.scanned_inputs),
            "inputs": self.args.model_json_schema(),
            "outputs": self.outputs.model_json_schema(),
            "example": self.example,
            "fixture": self.fixture,
            "notes": list(self.notes),
        }


@dataclass(frozen=True)
class SpecFamily:
    """What the specs of one kind of resource share (e.g. how every module rule is identified)."""

    natural_key: tuple[str, ...]
    replace_on_change: frozenset[str]
    secret_outputs: frozenset[str] = frozenset()
    secret_inputs: frozenset[str] = frozenset()
    scanned_inputs: frozenset[str] = frozenset()
    delete_before_replace: bool = False
    notes: tuple[str, ...] = ()

    def spec(
        self,
        *,
        name: str,
        summary: str,
        args: type[ResourceArgs],
        outputs: type[BaseModel],
        fixture: dict[str, Any],
        example: str,
        notes: tuple[str, ...] = (),
    ) -> ResourceSpec:
        """One member's spec: the family's shared parts, its own name, models, example and notes."""
        return ResourceSpec(
            name=name,
            summary=summary,
            args=args,
            outputs=outputs,
            natural_key=self.natural_key,
            example=example,
            fixture=fixture,
            replace_on_change=self.replace_on_change,
            secret_outputs=self.secret_outputs,
            secret_inputs=self.secret_inputs,
            scanned_inputs=self.scanned_inputs,
            delete_before_replace=self.delete_before_replace,
            notes=(*self.notes, *notes),
        )


REGISTRY: dict[str, ResourceSpec] = {}


def register(spec: ResourceSpec) -> ResourceSpec:
    REGISTRY[spec.name] = spec
    return spec
