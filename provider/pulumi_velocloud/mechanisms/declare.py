"""From a resource's spec to its Pulumi `Resource` class: the constructor, its inputs, its secrets.

Not done here: the provider's CRUD (each resource's provider) or checks (`provider_base`).
"""

from __future__ import annotations

from typing import Any

import pulumi
from pydantic import BaseModel

from .spec import ResourceSpec


def resource_options(
    spec: ResourceSpec, opts: pulumi.ResourceOptions | None
) -> pulumi.ResourceOptions | None:
    """`opts` plus the spec's secret outputs, which Pulumi then encrypts in the state."""
    if not spec.secret_outputs:
        return opts
    secrets = pulumi.ResourceOptions(additional_secret_outputs=sorted(spec.secret_outputs))
    return pulumi.ResourceOptions.merge(opts, secrets)


def resource_props(
    spec: ResourceSpec, resource_name: str, args: BaseModel | None, kwargs: dict[str, Any]
) -> dict[str, Any]:
    """The property bag of a new resource: every input (None when unset) and every output."""
    inputs = dict(kwargs) if args is None else {**args.model_dump(exclude_defaults=True), **kwargs}
    unknown = sorted(set(inputs) - set(spec.args.model_fields))
    if unknown:
        raise TypeError(
            f"{spec.name} {resource_name!r}: unknown input(s) {', '.join(unknown)}; "
            f"valid inputs: {', '.join(spec.args.model_fields)}"
        )
    props = {field: inputs.get(field) for field in spec.args.model_fields}
    props.update({field: None for field in spec.outputs.model_fields if field not in props})
    return props
