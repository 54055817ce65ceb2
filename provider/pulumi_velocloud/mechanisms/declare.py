"""From a resource's spec to its Pulumi `Resource` class: the one constructor every resource shares.

    class Edge(VcoResource[EdgeArgs], provider=EdgeProvider):
        '''An SD-WAN edge.'''

is the whole declaration of a resource class: its Pulumi type (`velocloud:Edge`), its
constructor `Edge(name, args=None, opts=None, **inputs)`, the conversion of typed nested
inputs (`SiteArgs`, lists of `PortArgs`, ...) to the plain values Pulumi serialises, the
inputs kept as Pulumi secrets (`ResourceSpec.secret_inputs`) and the outputs Pulumi encrypts
in the state (`ResourceSpec.secret_outputs`) all come from the provider's spec. Not done
here: checking the inputs (the provider's `check`, at preview) or any API call.
"""

from __future__ import annotations

from typing import Any, ClassVar, Generic, TypeVar

import pulumi
from pulumi.dynamic import Resource
from pydantic import BaseModel, SecretStr

from ..secret_scan import split_secrets
from .provider_base import SECRETS_KEY, VcoProvider
from .registration_log import drop_registration_debug
from .spec import ResourceArgs, ResourceSpec

A = TypeVar("A", bound=ResourceArgs)
MODULE = "velocloud"

drop_registration_debug(MODULE)  # the SDK's blocking debug RPCs per registration: registration_log


class VcoResource(Resource, Generic[A]):
    """Base of every resource class: `class X(VcoResource[XArgs], provider=XProvider)`."""

    _provider_class: ClassVar[type[VcoProvider]]

    def __init_subclass__(cls, *, provider: type[VcoProvider] | None = None, **kwargs: Any) -> None:
        if provider is None:
            raise TypeError(
                f"{cls.__name__}: declare it as `class {cls.__name__}(VcoResource[...], provider=...)`"
            )
        super().__init_subclass__(module=MODULE, name=provider.spec.name, **kwargs)
        cls._provider_class = provider
        # The class's annotations (`activation_key: pulumi.Output[str]`) are for type checkers.
        # Pulumi's SDK resolves a resource class's annotations again for every resource it
        # registers (typing.get_type_hints over string annotations, about 4 ms per resource: the
        # largest cost of ours in the program of a 1000-edge stack, docs/performance.md). Our
        # outputs are plain values that need no type translation, so at run time there are none.
        cls.__annotations__ = {}

    def __init__(
        self,
        resource_name: str,
        args: A | None = None,
        opts: pulumi.ResourceOptions | None = None,
        **kwargs: Any,
    ) -> None:
        """Declare the resource: inputs are the fields of its Args model, as keyword arguments or one
        Args object; each may be a plain value or a Pulumi Output."""
        spec = self._provider_class.spec
        props = input_props(spec, resource_name, args, kwargs)
        super().__init__(self._provider_class(), resource_name, props, resource_options(spec, opts))
        untrack_properties(self, props)


def untrack_properties(resource: pulumi.Resource, props: dict[str, Any]) -> None:
    """Let the program wait for this resource through its registration only, not its Outputs.

    The Python SDK keeps every Output of every resource in one set and, at the end of the
    program, calls `asyncio.wait(all of them, FIRST_COMPLETED)` again each time one resolves:
    with 1000 edges of ~20 properties that is 20 000 callbacks added and removed per completed
    resource, ~50 ms each time on this machine, which caps a run at ~20 resources a second
    (docs/performance.md). Even one tracked Output per resource (its `urn`) keeps that loop
    quadratic: at 1000 edges 3-4 s of the program's CPU (wave 4). Every property of a
    resource, its `id` and its `urn` resolve from the one RegisterResource answer, and the
    SDK's RPC manager awaits that registration itself (`wait_for_rpcs`) and re-raises the
    first one that failed, so the program still waits for and reports every resource.
    `Output._untrack` is the SDK's own (private) way for an Output whose value another one
    carries; without it nothing changes.
    """
    for name in [*props, "id", "urn"]:
        output = resource.__dict__.get(name)
        untrack = getattr(output, "_untrack", None)
        if isinstance(output, pulumi.Output) and callable(untrack):
            untrack()


def resource_options(
    spec: ResourceSpec, opts: pulumi.ResourceOptions | None
) -> pulumi.ResourceOptions | None:
    """`opts` plus the spec's secret outputs, which Pulumi then encrypts in the state."""
    if not spec.secret_outputs:
        return opts
    secrets = pulumi.ResourceOptions(additional_secret_outputs=sorted(spec.secret_outputs))
    return pulumi.ResourceOptions.merge(opts, secrets)


def input_props(
    spec: ResourceSpec, resource_name: str, args: BaseModel | None, kwargs: dict[str, Any]
) -> dict[str, Any]:
    """The property bag of a new resource: every input (None when unset, typed sections as plain
    values, secret inputs as Pulumi secrets) and every output (None until the provider sets it)."""
    inputs = dict(kwargs) if args is None else {**args.model_dump(exclude_defaults=True), **kwargs}
    unknown = sorted(set(inputs) - set(spec.args.model_fields))
    if unknown:
        raise TypeError(
            f"{spec.name} {resource_name!r}: unknown input(s) {', '.join(unknown)}; "
            f"valid inputs: {', '.join(spec.args.model_fields)}"
        )
    props = {field: plain(inputs.get(field)) for field in spec.args.model_fields}
    for field in spec.secret_inputs:
        if props.get(field) is not None:
            props[field] = pulumi.Output.secret(props[field])
    split_scanned(props, spec.scanned_inputs)
    props.update({field: None for field in spec.outputs.model_fields if field not in props})
    return props


def split_scanned(props: dict[str, Any], fields: frozenset[str]) -> None:
    """Move the secret-looking leaves of the free-form inputs `fields` (`secret_scan`) into one
    secret input, `SECRETS_KEY` = {field: {dotted path: value}}, leaving `[secret]` in their place.

    The engine marks a whole list secret when anything inside it is (it only recurses into
    objects), so a secret leaf inside `segments` would hide every route of every segment in
    `pulumi preview --diff`; split off, only the secrets are hidden. The provider puts them back
    (`VcoProvider.args`). A field that is itself an Output (its structure unknown here) is kept
    secret whole.
    """
    secrets: dict[str, Any] = {}
    for field in sorted(fields):
        value = props.get(field)
        if value is None:
            continue
        if isinstance(value, pulumi.Output):
            props[field] = pulumi.Output.secret(value)
            continue
        public, found = split_secrets(value)
        if found:
            props[field], secrets[field] = public, found
    if secrets:
        props[SECRETS_KEY] = pulumi.Output.secret(secrets)


def plain(value: Any) -> Any:
    """A typed input as Pulumi can serialise it: Args models as dicts without unset fields, secrets
    as their value (wrapped as Pulumi secrets by `input_props`); Outputs and plain values as they are."""
    if isinstance(value, BaseModel):
        return value.model_dump(exclude_none=True)
    if isinstance(value, SecretStr):
        return value.get_secret_value()
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value
